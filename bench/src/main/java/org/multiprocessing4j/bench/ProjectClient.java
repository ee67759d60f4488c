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

/**
 * This project's client: the same calls as the baseline's, made the way a user makes them.
 * Throughput rounds: Pool(INFLIGHT).applyAsync of echo(payload) (noop without payload), results
 * collected. Latency rounds: sequential Pool.apply. One round per command ({@link ClientLoop}).
 *
 * <p>Args: URI NAMESPACE INFLIGHT
 */
public final class ProjectClient {
    private final Pool pool;

    private ProjectClient(Pool pool) {
        this.pool = pool;
    }

    public static void main(String[] args) throws Exception {
        BrokerSettings settings = BrokerSettings.defaults().withUri(args[0]).withNamespace(args[1]);
        try (Multiprocessing mp = Multiprocessing.builder().settings(settings).output(OutputSink.discard()).connect()) {
            Pool pool = mp.pool(Integer.parseInt(args[2]));
            ClientLoop.serve(new ProjectClient(pool)::round);
            pool.close();
        }
    }

    private Result round(boolean latency, int calls, int bytes) {
        String payload = Payloads.text(bytes);
        Histogram histogram = new Histogram(3_600_000_000L, 3);
        long started = System.nanoTime();
        if (latency) {
            for (int i = 0; i < calls; i++) {
                long t0 = System.nanoTime();
                call(bytes, payload).get(Duration.ofSeconds(30));
                histogram.recordValue((System.nanoTime() - t0) / 1000);
            }
        } else {
            List<AsyncResult<Object>> results = new ArrayList<>(calls);
            for (int i = 0; i < calls; i++) {
                results.add(call(bytes, payload));
            }
            for (AsyncResult<Object> result : results) {
                result.get(Duration.ofMinutes(5));
            }
        }
        return Result.measured(latency ? "project-latency" : "project-throughput", calls, started, histogram);
    }

    private AsyncResult<Object> call(int bytes, String payload) {
        return bytes <= 0 ? pool.applyAsync("noop") : pool.applyAsync("echo", payload);
    }
}
