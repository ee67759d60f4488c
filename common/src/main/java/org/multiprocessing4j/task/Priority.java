package org.multiprocessing4j.task;

/**
 * How urgent a job is. A worker with a free slot takes a waiting HIGH job before any NORMAL one,
 * and NORMAL before LOW; jobs of one level run in the order they were sent.
 */
public enum Priority {
    HIGH, NORMAL, LOW;

    /** The lower-case name used on the wire and in queue names ({@code high}, {@code normal}, {@code low}). */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code high}, {@code normal} or {@code low}, any case; anything else is refused with the choices. */
    public static Priority parse(String text) {
        for (Priority priority : values()) {
            if (priority.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return priority;
            }
        }
        throw new IllegalArgumentException("priority must be high, normal or low, got: " + text);
    }
}
