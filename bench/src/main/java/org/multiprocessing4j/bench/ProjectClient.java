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
 * Throughput mode: Pool(INFLIGHT).applyAsync of echo(payload) (noop without payload), results
 * collected. Latency mode: sequential Pool.apply.
 *
 * <p>Args: URI NAMESPACE MODE(throughput|latency) CALLS INFLIGHT PAYLOAD_BYTES WARMUP_CALLS
 */
public final class ProjectClient {
    private ProjectClient() {
    }

    public static void main(String[] args) {
        boolean latency = args[2].equals("latency");
        int calls = Integer.parseInt(args[3]);
        int inflight = Integer.parseInt(args[4]);
        int payloadBytes = Integer.parseInt(args[5]);
        int warmup = Integer.parseInt(args[6]);
        String payload = Payloads.text(payloadBytes);
        BrokerSettings settings = BrokerSettings.defaults().withUri(args[0]).withNamespace(args[1]);
        try (Multiprocessing mp = Multiprocessing.builder().settings(settings).output(OutputSink.discard()).connect()) {
            Pool pool = mp.pool(inflight);
            Histogram histogram = new Histogram(3_600_000_000L, 3);
            for (int phase = 0; phase < 2; phase++) {
                int n = phase == 0 ? warmup : calls;
                histogram.reset();
                long started = System.nanoTime();
                if (latency) {
                    for (int i = 0; i < n; i++) {
                        long t0 = System.nanoTime();
                        call(pool, payloadBytes, payload).get(Duration.ofSeconds(30));
                        histogram.recordValue((System.nanoTime() - t0) / 1000);
                    }
                } else {
                    List<AsyncResult<Object>> results = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        results.add(call(pool, payloadBytes, payload));
                    }
                    for (AsyncResult<Object> result : results) {
                        result.get(Duration.ofMinutes(5));
                    }
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                if (phase == 1) {
                    System.out.println(new Result("project-" + args[2], n, n / seconds,
                            latency ? histogram.getValueAtPercentile(50) / 1000.0 : 0,
                            latency ? histogram.getValueAtPercentile(99) / 1000.0 : 0,
                            Memory.peakRssMb(ProcessHandle.current().pid())).line());
                }
            }
            pool.close();
        }
    }

    private static AsyncResult<Object> call(Pool pool, int payloadBytes, String payload) {
        return payloadBytes <= 0 ? pool.applyAsync("noop") : pool.applyAsync("echo", payload);
    }
}
