package app.herald.governance.engine;

/**
 * Text view for regex matching that aborts once a time budget is spent. Backtracking always re-reads
 * characters, so counting {@code charAt} calls is a reliable place to stop a runaway pattern.
 */
final class BudgetedCharSequence implements CharSequence {

    /** Thrown out of the regex engine when the budget is spent; stackless because it is control flow. */
    static final class BudgetExceededException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetExceededException() {
            super(null, null, false, false);
        }
    }

    /** Reading the clock costs far more than a character access, so it is sampled. */
    private static final int READS_PER_CLOCK_CHECK = 1024;

    private final String text;
    private final long deadline;
    private int readsUntilClockCheck = READS_PER_CLOCK_CHECK;

    BudgetedCharSequence(String text, long budgetNanos) {
        this.text = text;
        this.deadline = System.nanoTime() + budgetNanos;
    }

    @Override
    public char charAt(int index) {
        if (--readsUntilClockCheck == 0) {
            readsUntilClockCheck = READS_PER_CLOCK_CHECK;
            if (System.nanoTime() - deadline > 0) {
                throw new BudgetExceededException();
            }
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    /** Only used to extract matched groups, which cannot run away, so it reads the plain text. */
    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
