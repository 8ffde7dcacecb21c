package org.conflictkg;

/**
 * How far a long stage (load, extract, link) has come, counted in articles. A stage calls
 * {@link #start} once, {@link #advance} as articles are done, and {@link #finish} at the end,
 * also after a failure. Implementations decide how to show it (a terminal bar, a log, nothing);
 * calls come from the stage's calling thread.
 */
public interface Progress {
    /** Total when the number of articles is not known in advance. */
    long UNKNOWN = -1;

    /**
     * The stage begins.
     *
     * @param unit  what is counted, plural ("articles")
     * @param total how many are expected, or {@link #UNKNOWN}; an estimate may be exceeded
     */
    void start(String unit, long total);

    /** {@code n} more done. */
    void advance(long n);

    /** The stage is over. */
    void finish();

    /** Reports nothing. */
    static Progress none() {
        return None.INSTANCE;
    }

    /** The no-op progress. */
    enum None implements Progress {
        INSTANCE;

        @Override
        public void start(String unit, long total) {
        }

        @Override
        public void advance(long n) {
        }

        @Override
        public void finish() {
        }
    }
}
