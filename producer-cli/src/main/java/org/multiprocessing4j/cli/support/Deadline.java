package org.multiprocessing4j.cli.support;

import java.time.Duration;
import org.multiprocessing4j.errors.TaskTimeoutException;

/**
 * A command's {@code --timeout}: it bounds the whole command, from connecting to closing, not one
 * wait inside it. Without a timeout there is no deadline ({@link #left()} is null: wait as long
 * as it takes).
 */
public final class Deadline {
    private static final Deadline NONE = new Deadline(null, 0);

    private final Double seconds;
    private final long endNanos;

    private Deadline(Double seconds, long endNanos) {
        this.seconds = seconds;
        this.endNanos = endNanos;
    }

    /** No deadline. */
    public static Deadline none() {
        return NONE;
    }

    /**
     * From now, the time an option gives (null: none); a value that is not a number of seconds from
     * 0 to {@link OptionValues#MAX_TIMEOUT_SECONDS} is refused, naming the option.
     */
    public static Deadline of(String option, Double seconds) {
        if (seconds == null) {
            return NONE;
        }
        Duration limit = OptionValues.seconds(option, seconds);
        return new Deadline(seconds, System.nanoTime() + limit.toNanos());
    }

    public boolean bounded() {
        return seconds != null;
    }

    /** Time left, never negative; null without a deadline. */
    public Duration left() {
        return seconds == null ? null : Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    /** The error for this deadline running out while waiting for {@code what}; {@code then} says what became of it. */
    public TaskTimeoutException expired(String what, String then) {
        return new TaskTimeoutException(what + " did not finish within " + describe() + " (--timeout); " + then);
    }

    /** The limit as the user gave it, for messages: "2 s", "0.5 s". */
    public String describe() {
        return OptionValues.plain(seconds) + " s";
    }
}
