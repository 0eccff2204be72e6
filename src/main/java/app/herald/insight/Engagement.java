package app.herald.insight;

/** Engagement rate of one post: (likes + comments + shares + saves) / views, where a metric a platform omits is absent. */
final class Engagement {

    private Engagement() {
    }

    /** The rate, or null when there are no views or the platform gave none of the four counters. */
    static Double rate(Long views, Long likes, Long comments, Long shares, Long saves) {
        if (views == null || views <= 0) {
            return null;
        }
        long sum = 0;
        boolean any = false;
        for (Long value : new Long[] { likes, comments, shares, saves }) {
            if (value != null) {
                sum += value;
                any = true;
            }
        }
        return any ? (double) sum / views : null;
    }
}
