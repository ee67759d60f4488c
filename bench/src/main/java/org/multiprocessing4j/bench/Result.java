package org.multiprocessing4j.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

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
