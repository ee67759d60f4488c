package org.multiprocessing4j.task;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a call runs, beyond its arguments (Celery's names): retries with backoff, a delay, time
 * limits, the queue and priority, an expiry. Immutable; every {@code with...} checks its value and
 * refuses an absurd one at once, before anything is sent. Options set on a call override those of
 * its pool, which override those declared with its task.
 *
 * <pre>{@code
 * CallOptions.defaults().retries(3).retryOn(IOException.class).timeLimit(Duration.ofMinutes(5));
 * pool.applyAsync(Report.BUILD.call(id).with(CallOptions.defaults().countdown(Duration.ofSeconds(30))));
 * }</pre>
 *
 * @param retries         how many times a failed attempt is retried (0: none, as Python)
 * @param retryOn         fully qualified names of the exception types that are retried (and their
 *                        subclasses, by the name of any class in the chain); none: nothing is retried, as
 *                        Celery's {@code autoretry_for}, so retries without it are refused when the job is sent
 * @param backoff         the wait before each retry
 * @param notBefore       not started before this instant (countdown / eta); null: at once
 * @param softTimeLimit   after this the task is interrupted and {@link TaskCall#timeLimitExceeded()} is true
 * @param timeLimit       after this the attempt fails with TimeLimitExceeded and its slot is freed
 * @param expires         not started after this instant: the job fails with an expiry instead; null: never
 * @param queue           the named queue (worker group) it goes to; null: {@value #DEFAULT_QUEUE}
 * @param priority        how urgent it is; null: normal
 */
public record CallOptions(Integer retries, Set<String> retryOn, Backoff backoff, Instant notBefore,
                          Duration softTimeLimit, Duration timeLimit, Instant expires, String queue, Priority priority) {
    public static final String DEFAULT_QUEUE = "default";
    /** A queue name: lower-case letters, digits, '_' and '-' (it becomes part of broker queue names). */
    public static final Pattern QUEUE_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
    public static final int MAX_RETRIES = 100;
    /** The longest delay the broker holds a job for (its delay levels reach 48 days). */
    public static final Duration MAX_DELAY = Duration.ofDays(30);
    public static final Duration MAX_TIME_LIMIT = Duration.ofDays(7);

    /**
     * Exponential backoff: the n-th retry waits {@code initial * multiplier^(n-1)}, at most
     * {@code max}, then a random part of it is taken off (jitter) so that retries of many failed
     * jobs do not arrive together.
     *
     * @param jitter 0 for exact waits, up to 1: the share of each wait that is random
     */
    public record Backoff(Duration initial, Duration max, double multiplier, double jitter) {
        public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(10), 2.0, 0.5);

        public Backoff {
            requireBetween("backoff initial", initial, Duration.ZERO, MAX_DELAY);
            requireBetween("backoff max", max, Duration.ZERO, MAX_DELAY);
            if (!(multiplier >= 1 && multiplier <= 100)) {
                throw new IllegalArgumentException("backoff multiplier must be from 1 to 100, got " + multiplier);
            }
            if (!(jitter >= 0 && jitter <= 1)) {
                throw new IllegalArgumentException("backoff jitter must be from 0 to 1, got " + jitter);
            }
        }

        /** The wait before retry number {@code retry} (1 for the first), before jitter. */
        public Duration before(int retry) {
            double ms = initial.toMillis() * Math.pow(multiplier, Math.max(0, retry - 1));
            return Duration.ofMillis((long) Math.min(max.toMillis(), ms));
        }
    }

    public CallOptions {
        if (retries != null && (retries < 0 || retries > MAX_RETRIES)) {
            throw new IllegalArgumentException("retries must be from 0 to " + MAX_RETRIES + ", got " + retries);
        }
        retryOn = retryOn == null ? null : Set.copyOf(retryOn);
        requireBetween("softTimeLimit", softTimeLimit, Duration.ofMillis(1), MAX_TIME_LIMIT);
        requireBetween("timeLimit", timeLimit, Duration.ofMillis(1), MAX_TIME_LIMIT);
        if (queue != null && !QUEUE_NAME.matcher(queue).matches()) {
            throw new IllegalArgumentException("a queue name is 1-40 lower-case letters, digits, '_' or '-', "
                    + "starting with a letter or digit, got: " + queue);
        }
    }

    /** No option set: every one takes its default (or the pool's, or the task's). */
    public static CallOptions defaults() {
        return new CallOptions(null, null, null, null, null, null, null, null, null);
    }

    public CallOptions retries(int retries) {
        return new CallOptions(retries, retryOn, backoff, notBefore, softTimeLimit, timeLimit, expires, queue, priority);
    }

    /**
     * Retry these exception types (and subclasses); {@code retryOn(Throwable.class)} for any. Retries
     * need it: a failure of a type not named here is the caller's at once.
     */
    @SafeVarargs
    public final CallOptions retryOn(Class<? extends Throwable>... types) {
        Set<String> names = new LinkedHashSet<>();
        for (Class<? extends Throwable> type : types) {
            names.add(Objects.requireNonNull(type, "retryOn type").getName());
        }
        return retryOnNames(names);
    }

    /** The same by class name, for exception types this side does not have (raised by the task's own code). */
    public CallOptions retryOnNames(Set<String> typeNames) {
        return new CallOptions(retries, typeNames, backoff, notBefore, softTimeLimit, timeLimit, expires, queue, priority);
    }

    public CallOptions retryBackoff(Backoff backoff) {
        return new CallOptions(retries, retryOn, Objects.requireNonNull(backoff, "backoff"), notBefore, softTimeLimit,
                timeLimit, expires, queue, priority);
    }

    /** Celery's countdown: start no sooner than this long from now. */
    public CallOptions countdown(Duration delay) {
        requireBetween("countdown", delay, Duration.ZERO, MAX_DELAY);
        return eta(Instant.now().plus(delay));
    }

    /** Celery's eta: start no sooner than this instant (at most {@link #MAX_DELAY} from now). */
    public CallOptions eta(Instant when) {
        Objects.requireNonNull(when, "eta");
        if (when.isAfter(Instant.now().plus(MAX_DELAY).plusSeconds(60))) {
            throw new IllegalArgumentException("eta must be within " + MAX_DELAY.toDays() + " days, got " + when);
        }
        return new CallOptions(retries, retryOn, backoff, when, softTimeLimit, timeLimit, expires, queue, priority);
    }

    public CallOptions softTimeLimit(Duration limit) {
        return new CallOptions(retries, retryOn, backoff, notBefore, limit, timeLimit, expires, queue, priority);
    }

    public CallOptions timeLimit(Duration limit) {
        return new CallOptions(retries, retryOn, backoff, notBefore, softTimeLimit, limit, expires, queue, priority);
    }

    /** Not started after this long from now: it fails with an expiry instead of running late. */
    public CallOptions expires(Duration after) {
        requireBetween("expires", after, Duration.ofMillis(1), MAX_DELAY);
        return new CallOptions(retries, retryOn, backoff, notBefore, softTimeLimit, timeLimit, Instant.now().plus(after),
                queue, priority);
    }

    public CallOptions queue(String queue) {
        return new CallOptions(retries, retryOn, backoff, notBefore, softTimeLimit, timeLimit, expires,
                Objects.requireNonNull(queue, "queue"), priority);
    }

    public CallOptions priority(Priority priority) {
        return new CallOptions(retries, retryOn, backoff, notBefore, softTimeLimit, timeLimit, expires, queue,
                Objects.requireNonNull(priority, "priority"));
    }

    /** These options, with any option left unset here taken from {@code fallback}. */
    public CallOptions orElse(CallOptions fallback) {
        return new CallOptions(
                retries != null ? retries : fallback.retries,
                retryOn != null ? retryOn : fallback.retryOn,
                backoff != null ? backoff : fallback.backoff,
                notBefore != null ? notBefore : fallback.notBefore,
                softTimeLimit != null ? softTimeLimit : fallback.softTimeLimit,
                timeLimit != null ? timeLimit : fallback.timeLimit,
                expires != null ? expires : fallback.expires,
                queue != null ? queue : fallback.queue,
                priority != null ? priority : fallback.priority);
    }

    /** The queue, the default one when unset. */
    public String queueOrDefault() {
        return queue != null ? queue : DEFAULT_QUEUE;
    }

    public Priority priorityOrDefault() {
        return priority != null ? priority : Priority.NORMAL;
    }

    /** Queue names given as a comma-separated list ({@code --queues gpu,default}), each checked. */
    public static List<String> queueNames(String commaSeparated) {
        List<String> names = java.util.Arrays.stream(commaSeparated.split(",")).map(String::trim).toList();
        for (String name : names) {
            defaults().queue(name);
        }
        return List.copyOf(new LinkedHashSet<>(names));
    }

    private static void requireBetween(String what, Duration value, Duration min, Duration max) {
        if (value != null && (value.compareTo(min) < 0 || value.compareTo(max) > 0)) {
            throw new IllegalArgumentException(what + " must be from " + describe(min) + " to " + describe(max)
                    + ", got " + describe(value));
        }
    }

    private static String describe(Duration d) {
        if (d.isZero()) {
            return "0";
        }
        if (d.toMillis() % 86_400_000 == 0) {
            return d.toDays() + " days";
        }
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
