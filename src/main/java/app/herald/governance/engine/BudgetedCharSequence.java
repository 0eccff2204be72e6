package app.herald.governance.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Text view for pattern matching that aborts once a time budget is spent. RE2/J reads the text through
 * {@code charAt} as it steps, so counting those calls is a reliable place to stop a pattern that runs too long.
 * Only the cheap wall clock is read until the budget has passed on it; from then on the matching thread gets the
 * budget once more in processor time, so a busy server does not turn an ordinary pattern into one that "could not
 * be checked" merely because the thread waited for a core, and no pattern runs longer than twice the budget of work.
 */
final class BudgetedCharSequence implements CharSequence {

    /** Thrown out of the regex engine when the budget is spent; stackless because it is control flow. */
    static final class BudgetExceededException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetExceededException() {
            super(null, null, false, false);
        }
    }

    /**
     * Reading the clock costs far more than a character access, so it is sampled; RE2/J's work per character grows
     * with the pattern's size, so the sample stays small enough to stop even the largest allowed pattern promptly.
     */
    private static final int READS_PER_CLOCK_CHECK = 64;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final String text;
    private final long budgetNanos;
    private final long wallDeadline;
    /** The thread's processor time when the wall-clock budget passed; -1 before. */
    private long cpuMark = -1;
    private int readsUntilClockCheck = READS_PER_CLOCK_CHECK;

    BudgetedCharSequence(String text, long budgetNanos) {
        this.text = text;
        this.budgetNanos = budgetNanos;
        this.wallDeadline = System.nanoTime() + budgetNanos;
    }

    @Override
    public char charAt(int index) {
        if (--readsUntilClockCheck == 0) {
            readsUntilClockCheck = READS_PER_CLOCK_CHECK;
            if (System.nanoTime() - wallDeadline > 0) {
                spendProcessorTime();
            }
        }
        return text.charAt(index);
    }

    private void spendProcessorTime() {
        if (!THREADS.isCurrentThreadCpuTimeSupported()) {
            throw new BudgetExceededException();
        }
        long now = THREADS.getCurrentThreadCpuTime();
        if (cpuMark < 0) {
            cpuMark = now;
        } else if (now - cpuMark >= budgetNanos) {
            throw new BudgetExceededException();
        }
    }

    @Override
    public int length() {
        return text.length();
    }

    /** Only used to extract matched text, which cannot run away, so it reads the plain text. */
    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
