package org.multiprocessing4j.bench;

/** Payloads of a given size: a string for the project (a JSON value), the same bytes for the baseline. */
final class Payloads {
    private Payloads() {
    }

    /** A string whose JSON encoding is about {@code bytes} long (0: no payload). */
    static String text(int bytes) {
        return bytes <= 0 ? "" : "x".repeat(Math.max(1, bytes - 2));
    }
}
