package org.multiprocessing4j.faults;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a fault scenario reports: how many tasks were submitted, how many results the caller got,
 * how many were lost, and how many the caller saw twice (callbacks per task id).
 */
final class Figures {
    private final String scenario;
    private final Map<Object, AtomicInteger> seen = new ConcurrentHashMap<>();
    private volatile int submitted;

    Figures(String scenario) {
        this.scenario = scenario;
    }

    void submitted(int count) {
        submitted = count;
    }

    /** A result reached the caller (call from the result callback). */
    void result(Object taskKey) {
        seen.computeIfAbsent(taskKey, key -> new AtomicInteger()).incrementAndGet();
    }

    int results() {
        return seen.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    int lost() {
        return submitted - seen.size();
    }

    int duplicatesSeenByCaller() {
        return (int) seen.values().stream().filter(count -> count.get() > 1).count();
    }

    Set<Object> keys() {
        return seen.keySet();
    }

    String report(long duplicatesDroppedByProducer, String extra) {
        String line = String.format("[%s] submitted %d, results %d, lost %d, duplicates seen by the caller %d, "
                        + "duplicate results dropped by the producer %d%s", scenario, submitted, results(), lost(),
                duplicatesSeenByCaller(), duplicatesDroppedByProducer, extra == null || extra.isEmpty() ? "" : "; " + extra);
        System.out.println(line);
        return line;
    }
}
