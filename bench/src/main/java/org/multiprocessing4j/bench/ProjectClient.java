package org.multiprocessing4j.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.multiprocessing4j.AsyncResult;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.OutputSink;
import org.multiprocessing4j.Pool;
import org.multiprocessing4j.connection.BrokerSettings;
import org.multiprocessing4j.connection.JobsQueueType;

/**
 * This project's client: the same calls as the baseline's, made the way a user makes them.
 * Throughput rounds: Pool(INFLIGHT).applyAsync of echo(payload) (noop without payload), results
 * collected. Latency rounds: sequential Pool.apply. Sleeps: a Pool(3) over sleep(ARG) tasks.
 * Flood: every call submitted through an unlimited pool before a result is read. One round per
 * command ({@link ClientLoop}).
 *
 * <p>Args: URI NAMESPACE INFLIGHT events|no-events [quorum|classic (the jobs queue type, default quorum)]
 */
public final class ProjectClient {
    private final Multiprocessing mp;
    private final Pool pool;

    private ProjectClient(Multiprocessing mp, Pool pool) {
        this.mp = mp;
        this.pool = pool;
    }

    public static void main(String[] args) throws Exception {
        BrokerSettings settings = BrokerSettings.defaults().withUri(args[0]).withNamespace(args[1])
                .withJobsQueue(args.length < 5 ? BrokerSettings.DEFAULT_JOBS_QUEUE : JobsQueueType.parse(args[4]));
        boolean events = args.length < 4 || !args[3].equals("no-events");
        try (Multiprocessing mp = Multiprocessing.builder().settings(settings).output(OutputSink.discard())
                .events(events, "1D").connect()) {
            Pool pool = mp.pool(Integer.parseInt(args[2]));
            ClientLoop.serve(new ProjectClient(mp, pool)::round);
            pool.close();
        }
    }

    private Result round(String mode, int calls, int arg) {
        return switch (mode) {
            case ClientSession.LATENCY -> latency(calls, arg);
            case ClientSession.SLEEPS -> sleeps(calls, arg);
            case ClientSession.FLOOD -> collected(mp.pool(), calls, 0, "project-flood");
            default -> collected(pool, calls, arg, "project-throughput");
        };
    }

    private Result latency(int calls, int bytes) {
        String payload = Payloads.text(bytes);
        Histogram histogram = new Histogram(3_600_000_000L, 3);
        long started = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            long t0 = System.nanoTime();
            call(pool, bytes, payload).get(Duration.ofSeconds(30));
            histogram.recordValue((System.nanoTime() - t0) / 1000);
        }
        return Result.measured("project-latency", calls, started, histogram);
    }

    /** All submitted, then all collected: with the unlimited pool, every result is in flight at once. */
    private Result collected(Pool through, int calls, int bytes, String kind) {
        String payload = Payloads.text(bytes);
        long started = System.nanoTime();
        List<AsyncResult<Object>> results = new ArrayList<>(calls);
        for (int i = 0; i < calls; i++) {
            results.add(call(through, bytes, payload));
        }
        for (int i = 0; i < calls; i++) {
            results.get(i).get(Duration.ofMinutes(10));
            // Let each result go once read, as the baseline's client drops each reply: held to the end
            // of the round, 1 MB results piled up and every young collection copied them again.
            results.set(i, null);
        }
        return Result.measured(kind, calls, started, new Histogram(3_600_000_000L, 3));
    }

    /** Pool(3) over {@code calls} sleeps of {@code seconds}: the wall time from the first submit to the last result. */
    private Result sleeps(int calls, int seconds) {
        Pool three = mp.pool(3);
        long started = System.nanoTime();
        List<AsyncResult<Object>> results = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            results.add(three.applyAsync("sleep", (double) seconds));
        }
        for (AsyncResult<Object> result : results) {
            result.get(Duration.ofMinutes(5));
        }
        Result result = Result.measured("project-sleeps", 1, started, new Histogram(3_600_000_000L, 3));
        three.close();
        return result;
    }

    private static AsyncResult<Object> call(Pool through, int bytes, String payload) {
        return bytes <= 0 ? through.applyAsync("noop") : through.applyAsync("echo", payload);
    }
}
