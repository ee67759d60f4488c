package org.multiprocessing4j.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * What a run measures and how much: the options of {@code scripts/bench}, after {@code --quick}.
 *
 * @param rounds     measured rounds per comparison (ratios are medians of per-round ratios)
 * @param tasks      calls per throughput round
 * @param sequential calls per latency round (one at a time)
 * @param waiting    jobs queued for the worker memory check
 * @param inFlight   results left in flight for the producer memory check
 * @param workers    worker counts for the throughput phase
 * @param python     the Python interpreter for the peers (Debian's, where python3-celery lives)
 * @param jvmOptions options of every JVM the run starts (workers, responders, clients)
 * @param profile    directory for a JFR recording of every JVM the run starts, or null
 */
record Settings(String uri, int rounds, int tasks, int sequential, int waiting, int inFlight, List<Integer> workers,
                String python, List<String> jvmOptions, Path profile, boolean quick) {
    /** In flight at once, for the baseline client and for the project's pool alike. */
    static final int IN_FLIGHT = 100;

    /** Rounds small enough for a run of a few minutes; ratios are noisier. */
    Settings quickened() {
        return new Settings(uri, Math.min(rounds, 2), Math.min(tasks, 2000), Math.min(sequential, 300),
                Math.min(waiting, 100_000), Math.min(inFlight, 20_000), workers.size() > 2 ? List.of(1, 2) : workers,
                python, jvmOptions, profile, true);
    }
}
