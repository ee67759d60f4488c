package org.multiprocessing4j.cli.support;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.multiprocessing4j.task.CallOptions;
import org.multiprocessing4j.task.Priority;
import picocli.CommandLine.Option;

/**
 * The options of a call, as flags (Celery's names): shared by {@code submit}, {@code map} and
 * {@code process start}. Every value is checked when the options are built, before anything is sent.
 */
public final class CallOptionsMixin {
    @Option(names = "--retries", paramLabel = "N",
            description = "Retry a failed attempt up to N times (0-100), for the exception types of --retry-on.")
    Integer retries;

    @Option(names = "--retry-on", paramLabel = "TYPE", split = ",",
            description = "Exception types to retry, fully qualified (java.io.IOException); 'any' for every exception.")
    List<String> retryOn;

    @Option(names = "--retry-backoff", paramLabel = "SECONDS",
            description = "Wait before the first retry, doubled for each next one, at most 10 min (default 1).")
    Double retryBackoffSeconds;

    @Option(names = "--countdown", paramLabel = "SECONDS", description = "Start no sooner than this from now (at most 30 days).")
    Double countdownSeconds;

    @Option(names = "--eta", paramLabel = "ISO-8601", description = "Start no sooner than this instant, e.g. 2026-12-24T18:00:00Z.")
    String eta;

    @Option(names = "--soft-time-limit", paramLabel = "SECONDS", description = "Interrupt the task after this long.")
    Double softTimeLimitSeconds;

    @Option(names = "--time-limit", paramLabel = "SECONDS",
            description = "Fail the attempt after this long and free its worker slot, whatever the task does.")
    Double timeLimitSeconds;

    @Option(names = "--expires", paramLabel = "SECONDS", description = "Do not start it after this long from now: fail instead.")
    Double expiresSeconds;

    @Option(names = "--priority", paramLabel = "LEVEL", description = "high, normal (default) or low.")
    String priority;

    @Option(names = "--queue", paramLabel = "NAME", description = "The named queue (worker group) to send it to (default: default).")
    String queue;

    /** The options given, checked: IllegalArgumentException naming the bad value. */
    public CallOptions options() {
        CallOptions options = CallOptions.defaults();
        if (retries != null && retries > 0 && retryOn == null) {
            throw new IllegalArgumentException("--retries needs --retry-on: the exception types to retry, or 'any'");
        }
        if (retryOn != null && retries == null) {
            throw new IllegalArgumentException("--retry-on needs --retries N: how many times to retry");
        }
        if (retries != null) {
            options = options.retries(retries);
        }
        if (retryOn != null) {
            options = retryOn.stream().anyMatch("any"::equalsIgnoreCase) ? options.retryOn(Throwable.class)
                    : options.retryOnNames(typeNames(retryOn));
        }
        if (retryBackoffSeconds != null) {
            Duration initial = seconds("--retry-backoff", retryBackoffSeconds);
            options = options.retryBackoff(new CallOptions.Backoff(initial, CallOptions.Backoff.DEFAULT.max().compareTo(initial) < 0
                    ? initial : CallOptions.Backoff.DEFAULT.max(), 2.0, CallOptions.Backoff.DEFAULT.jitter()));
        }
        if (countdownSeconds != null && eta != null) {
            throw new IllegalArgumentException("give --countdown or --eta, not both");
        }
        if (countdownSeconds != null) {
            options = options.countdown(seconds("--countdown", countdownSeconds));
        }
        if (eta != null) {
            options = options.eta(instant(eta));
        }
        if (softTimeLimitSeconds != null) {
            options = options.softTimeLimit(seconds("--soft-time-limit", softTimeLimitSeconds));
        }
        if (timeLimitSeconds != null) {
            options = options.timeLimit(seconds("--time-limit", timeLimitSeconds));
        }
        if (expiresSeconds != null) {
            options = options.expires(seconds("--expires", expiresSeconds));
        }
        if (priority != null) {
            options = options.priority(Priority.parse(priority));
        }
        if (queue != null) {
            options = options.queue(queue);
        }
        return options;
    }

    private static Set<String> typeNames(List<String> names) {
        Set<String> types = new LinkedHashSet<>();
        for (String name : names) {
            if (!name.trim().matches("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*")) {
                throw new IllegalArgumentException("--retry-on takes fully qualified exception type names, got: " + name);
            }
            types.add(name.trim());
        }
        return types;
    }

    private static Duration seconds(String option, double seconds) {
        if (Double.isNaN(seconds) || seconds < 0 || seconds > 366L * 24 * 3600) {
            throw new IllegalArgumentException(option + " must be a number of seconds from 0 to a year, got " + seconds);
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--eta must be an ISO-8601 instant such as 2026-12-24T18:00:00Z, got: " + text);
        }
    }
}
