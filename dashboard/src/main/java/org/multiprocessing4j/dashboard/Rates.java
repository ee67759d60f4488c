package org.multiprocessing4j.dashboard;

/**
 * Jobs finished and failed per second over the last {@value #SECONDS} seconds (15 minutes), in a
 * fixed ring of one-second buckets: constant memory, events placed by their own time so a history
 * replayed at start fills the chart as it was. Thread-safe.
 */
final class Rates {
    static final int SECONDS = 900;
    /** The "now" rate is the mean over this many full seconds, steadier than the last second alone. */
    private static final int NOW_WINDOW = 5;

    private final long[] finished = new long[SECONDS];
    private final long[] failed = new long[SECONDS];
    private final long[] secondOf = new long[SECONDS];

    /** Counts a job that ended at {@code atMillis}; ignored if older than the window. */
    synchronized void ended(long atMillis, boolean failure, long nowMillis) {
        long second = atMillis / 1000;
        if (second <= nowMillis / 1000 - SECONDS) {
            return;
        }
        int slot = (int) Math.floorMod(second, SECONDS);
        if (secondOf[slot] != second) {
            secondOf[slot] = second;
            finished[slot] = 0;
            failed[slot] = 0;
        }
        finished[slot]++;
        if (failure) {
            failed[slot]++;
        }
    }

    /** The last {@value #SECONDS} seconds up to {@code nowMillis}, oldest first. */
    synchronized Series series(long nowMillis) {
        long now = nowMillis / 1000;
        long[] done = new long[SECONDS];
        long[] bad = new long[SECONDS];
        for (int i = 0; i < SECONDS; i++) {
            long second = now - SECONDS + 1 + i;
            int slot = (int) Math.floorMod(second, SECONDS);
            if (secondOf[slot] == second) {
                done[i] = finished[slot];
                bad[i] = failed[slot];
            }
        }
        return new Series(now * 1000, done, bad, meanOfLastFull(done), meanOfLastFull(bad));
    }

    private static double meanOfLastFull(long[] perSecond) {
        long sum = 0;
        for (int i = SECONDS - 1 - NOW_WINDOW; i < SECONDS - 1; i++) { // the current second is not over yet
            sum += perSecond[i];
        }
        return (double) sum / NOW_WINDOW;
    }

    /**
     * Per-second counts, oldest first, ending with the second of {@code endMillis}.
     *
     * @param tasksPerSecond    jobs finished per second, over the last few full seconds
     * @param failuresPerSecond of which failed
     */
    record Series(long endMillis, long[] finished, long[] failed, double tasksPerSecond, double failuresPerSecond) {
    }
}
