package org.multiprocessing4j.bench.micro;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * {@code scripts/bench --micro --cpu}: the same operations as {@link CodecBenchmark}, timed in the
 * measuring thread's CPU time rather than wall time. On a machine shared with other busy
 * processes, wall-clock ns/op swing several-fold with the load; CPU time per op does not count the
 * time this thread waited for a core, so before/after comparisons stay meaningful there.
 */
public final class CpuPerOp {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuPerOp() {
    }

    public static void main(String[] args) {
        System.out.printf("%-14s %9s %14s %14s%n", "benchmark", "payload", "cpu ns/op", "spread");
        for (int payload : new int[] {0, 10_000, 1_000_000}) {
            CodecBenchmark state = new CodecBenchmark();
            state.payloadBytes = payload;
            state.setUp();
            int ops = payload >= 1_000_000 ? 200 : payload >= 10_000 ? 20_000 : 200_000;
            measure("encodeJob", payload, ops, state::encodeJob);
            measure("decodeJob", payload, ops, state::decodeJob);
            measure("encodeResult", payload, ops, state::encodeResult);
            measure("decodeResult", payload, ops, state::decodeResult);
        }
    }

    private static void measure(String name, int payload, int ops, Supplier<Object> op) {
        Object sink = null;
        for (int i = 0; i < ops * 2; i++) { // warm-up: compiled before it is timed
            sink = op.get();
        }
        double[] batches = new double[7];
        for (int b = 0; b < batches.length; b++) {
            long start = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < ops; i++) {
                sink = op.get();
            }
            batches[b] = (THREADS.getCurrentThreadCpuTime() - start) / (double) ops;
        }
        Arrays.sort(batches);
        System.out.printf("%-14s %9d %,14.0f %13.0f%%%n", name, payload, batches[3],
                100 * (batches[5] - batches[1]) / batches[3]);
        if (sink == null) {
            throw new AssertionError();
        }
    }
}
