package org.multiprocessing4j.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;

/**
 * What one client run measured, sent to the orchestrator as a single stdout line
 * {@code RESULT {...json...}}.
 *
 * @param perSecond calls or tasks per second over the measured part
 * @param p50Ms     median latency of one call (latency mode), else 0
 * @param p99Ms     99th percentile latency (latency mode), else 0
 * @param peakRssMb the client JVM's peak resident memory (VmHWM)
 */
record Result(String kind, int calls, double perSecond, double p50Ms, double p99Ms, double peakRssMb) {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String PREFIX = "RESULT ";

    /** A round that made {@code calls} calls since {@code startedNanos}; latencies (µs) only in latency mode. */
    static Result measured(String kind, int calls, long startedNanos, Histogram latenciesMicros) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        boolean latency = latenciesMicros.getTotalCount() > 0;
        return new Result(kind, calls, calls / seconds,
                latency ? latenciesMicros.getValueAtPercentile(50) / 1000.0 : 0,
                latency ? latenciesMicros.getValueAtPercentile(99) / 1000.0 : 0,
                Memory.peakRssMb(ProcessHandle.current().pid()));
    }

    String line() {
        try {
            return PREFIX + JSON.writeValueAsString(this);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Result parse(String line) {
        try {
            return JSON.readValue(line.substring(PREFIX.length()), Result.class);
        } catch (Exception e) {
            throw new IllegalStateException("not a result line: " + line, e);
        }
    }
}
