package org.multiprocessing4j.faults.ha;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.multiprocessing4j.Pool;
import org.multiprocessing4j.task.Call;

/** What the caller saw of a batch of tasks: results per task key (so duplicates show), and errors. */
final class Tally {
    private final Map<Object, AtomicInteger> seen = new ConcurrentHashMap<>();
    final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private final List<Long> arrivals = new CopyOnWriteArrayList<>();
    private volatile long firstResultAt;
    private volatile int submitted;

    void submitted(int count) {
        submitted = count;
    }

    /** Submits {@code count} tasks to the pool, task {@code i} being {@code call.apply(i)} (it returns its key). */
    void submit(Pool pool, int count, IntFunction<Call> call) {
        submitted(count);
        for (int i = 0; i < count; i++) {
            pool.applyAsync(call.apply(i), this::result, errors::add);
        }
    }

    /** What every scenario asserts: no error, {@code count} results, none lost, none seen twice. */
    void assertEveryResultOnce(int count) {
        assertEquals(List.of(), errors);
        assertEquals(count, results());
        assertEquals(0, lost());
        assertEquals(0, duplicates());
    }

    /** The result callback: a task returns its own key. */
    void result(Object key) {
        if (firstResultAt == 0) {
            firstResultAt = System.nanoTime();
        }
        seen.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        arrivals.add(System.nanoTime());
    }

    /** The longest time without a result from {@code since} on (what a fault costs the caller), in seconds. */
    double longestPauseAfter(long since) {
        long previous = since;
        long longest = 0;
        for (long at : arrivals.stream().filter(t -> t >= since).sorted().toList()) {
            longest = Math.max(longest, at - previous);
            previous = at;
        }
        return longest / 1e9;
    }

    long firstResultAt() {
        return firstResultAt;
    }

    int results() {
        return seen.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    int lost() {
        return submitted - seen.size();
    }

    int duplicates() {
        return (int) seen.values().stream().filter(count -> count.get() > 1).count();
    }

    void await(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (results() < count && errors.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        if (results() < count) {
            throw new AssertionError("only " + results() + " of " + count + " results within " + timeout
                    + (errors.isEmpty() ? "" : "; errors: " + errors));
        }
    }
}
