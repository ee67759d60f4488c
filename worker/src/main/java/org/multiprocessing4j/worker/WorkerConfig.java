package org.multiprocessing4j.worker;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.multiprocessing4j.task.CallOptions;
import org.multiprocessing4j.connection.BrokerSettings;

/**
 * How a worker runs, validated when built.
 *
 * @param broker          where the broker is
 * @param name            shown by {@code producer workers} and in logs; default {@code <host>-<pid>}
 * @param concurrency     tasks run at once; also the prefetch, so the broker never hands this
 *                        worker more jobs than it can start right away
 * @param shutdownTimeout how long a graceful stop waits for tasks in hand; null waits as long as
 *                        they take. Tasks still running then are interrupted and handed back.
 * @param terminateGrace  how long a terminated task may take to end after its interrupt before
 *                        it is reported terminated anyway and its slot freed
 * @param leaseAfter      a task running longer than this trades its delivery for a lease, so that
 *                        the broker's consumer timeout (30 min by default) cannot close its channel and
 *                        run it twice; must be below the broker's consumer_timeout
 * @param leaseTtl        how long a leased job survives its worker: a dead worker's leased job runs
 *                        again elsewhere after at most this long
 * @param queues          the named queues (worker groups) it takes jobs from, in no order: a free slot
 *                        takes the most urgent job of any of them
 * @param maxLostThreads  after more task threads than this were left behind by hard time limits
 *                        (the tasks ignored their interrupt), the worker stops cleanly, handing back
 *                        what it holds, and exits with {@value #EXIT_RESTART} for its supervisor to
 *                        start it again
 * @param observability   history (the events stream) and Prometheus metrics
 */
public record WorkerConfig(BrokerSettings broker, String name, int concurrency, Duration shutdownTimeout,
                           Duration terminateGrace, Duration leaseAfter, Duration leaseTtl, List<String> queues,
                           int maxLostThreads, Observability observability) {

    /**
     * What the worker tells about its jobs.
     *
     * @param events          append each job's life to the events stream (history, logs, dashboard)
     * @param eventsRetention how long the stream keeps events when this worker creates it (1D, 12h, 7D...)
     * @param metricsPort     serve Prometheus metrics on this port at /metrics; 0: off
     * @param metricsBind     the address the metrics port listens on (127.0.0.1; 0.0.0.0 in a container)
     */
    public record Observability(boolean events, String eventsRetention, int metricsPort, String metricsBind) {
        public static final Observability DEFAULT = new Observability(true, "1D", 0, "127.0.0.1");

        public Observability {
            if (eventsRetention == null || !eventsRetention.matches("[1-9][0-9]{0,5}[YMDhms]")) {
                throw new IllegalArgumentException("events retention must be a number and Y, M, D, h, m or s "
                        + "(1D, 12h, 7D), got: " + eventsRetention);
            }
            if (metricsPort < 0 || metricsPort > 65_535) {
                throw new IllegalArgumentException("metrics port must be from 1 to 65535 (0: off), got " + metricsPort);
            }
            Objects.requireNonNull(metricsBind, "metricsBind");
        }
    }

    /** Exit code of a worker that stopped to be restarted (EX_TEMPFAIL): compose restarts it on failure. */
    public static final int EXIT_RESTART = 75;
    public static final int DEFAULT_MAX_LOST_THREADS = 4;

    public static final int DEFAULT_CONCURRENCY = Math.min(Runtime.getRuntime().availableProcessors(), 1_000);
    /**
     * Each slot is a thread and a prefetched job: past a thousand one worker hoards jobs that other
     * workers could start, and a burst leaves that many threads in one JVM. For more parallelism
     * run more workers (they share the jobs queue), which also spreads what one crash redoes.
     */
    public static final int MAX_CONCURRENCY = 1_000;
    /** Long enough for {@code <host>-<pid>} of any host; a name is shown in one column of {@code producer workers}. */
    public static final int MAX_NAME_LENGTH = 200;
    public static final Duration DEFAULT_TERMINATE_GRACE = Duration.ofSeconds(1);
    /** A third of RabbitMQ's default consumer_timeout (30 min). */
    public static final Duration DEFAULT_LEASE_AFTER = Duration.ofMinutes(10);
    public static final Duration DEFAULT_LEASE_TTL = Duration.ofMinutes(1);
    /** A worker usually starts alongside its broker (compose, systemd): give the broker time to come up. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(60);

    public WorkerConfig {
        Objects.requireNonNull(broker, "broker");
        String nameProblem = nameProblem(name);
        if (nameProblem != null) {
            throw new IllegalArgumentException("worker name " + nameProblem);
        }
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException("concurrency must be between 1 and " + MAX_CONCURRENCY + ", got " + concurrency);
        }
        if (shutdownTimeout != null && shutdownTimeout.isNegative()) {
            throw new IllegalArgumentException("shutdownTimeout must not be negative");
        }
        if (queues == null || queues.isEmpty()) {
            throw new IllegalArgumentException("a worker takes at least one queue");
        }
        queues = List.copyOf(new LinkedHashSet<>(queues));
        queues.forEach(queue -> CallOptions.defaults().queue(queue)); // each name checked
        Objects.requireNonNull(observability, "observability");
        if (maxLostThreads < 1 || maxLostThreads > 1000) {
            throw new IllegalArgumentException("maxLostThreads must be from 1 to 1000, got " + maxLostThreads);
        }
        if (terminateGrace == null || terminateGrace.isNegative()) {
            throw new IllegalArgumentException("terminateGrace must be zero or positive");
        }
        if (leaseAfter == null || leaseAfter.toMillis() < 100) {
            throw new IllegalArgumentException("leaseAfter must be at least 100 ms, got " + leaseAfter);
        }
        if (leaseTtl == null || leaseTtl.toSeconds() < 3) {
            throw new IllegalArgumentException("leaseTtl must be at least 3 s, got " + leaseTtl);
        }
    }

    /**
     * Why this cannot be a worker's name, or null when it can. A name goes into log lines and rows
     * of {@code producer workers}: a line break or control character in it would forge them.
     */
    static String nameProblem(String name) {
        if (name == null || name.isBlank()) {
            return "must not be empty";
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return "must be at most " + MAX_NAME_LENGTH + " characters, got " + name.length() + ": " + quoted(name);
        }
        if (name.codePoints().anyMatch(WorkerConfig::isUnprintable)) {
            return "must not contain line breaks or control characters, got " + quoted(name);
        }
        return null;
    }

    /** The value in quotes, unprintable characters escaped and the middle of a long one cut, so it shows on one line. */
    static String quoted(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        String shown = value.length() > 60 ? value.substring(0, 40) + "..." + value.substring(value.length() - 10) : value;
        shown.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                case '"', '\\' -> quoted.append('\\').append((char) c);
                default -> {
                    if (isUnprintable(c)) {
                        quoted.append(String.format("\\u%04x", c));
                    } else {
                        quoted.appendCodePoint(c);
                    }
                }
            }
        });
        return quoted.append('"').toString();
    }

    /** Control and format characters (bidi overrides, zero-width), line and paragraph separators, lone surrogates. */
    private static boolean isUnprintable(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE;
    }

    /** Defaults with the broker from {@code AMQP_URI} and a patient first connection. */
    public static WorkerConfig defaults() {
        return defaults(BrokerSettings.fromEnvironment().withConnectTimeout(DEFAULT_CONNECT_TIMEOUT));
    }

    public static WorkerConfig defaults(BrokerSettings broker) {
        return new WorkerConfig(broker, defaultName(), DEFAULT_CONCURRENCY, null, DEFAULT_TERMINATE_GRACE,
                DEFAULT_LEASE_AFTER, DEFAULT_LEASE_TTL, List.of(CallOptions.DEFAULT_QUEUE), DEFAULT_MAX_LOST_THREADS,
                Observability.DEFAULT);
    }

    public WorkerConfig withName(String name) {
        return new WorkerConfig(broker, name, concurrency, shutdownTimeout, terminateGrace, leaseAfter, leaseTtl, queues,
                maxLostThreads, observability);
    }

    public WorkerConfig withConcurrency(int concurrency) {
        return new WorkerConfig(broker, name, concurrency, shutdownTimeout, terminateGrace, leaseAfter, leaseTtl, queues,
                maxLostThreads, observability);
    }

    public WorkerConfig withShutdownTimeout(Duration shutdownTimeout) {
        return new WorkerConfig(broker, name, concurrency, shutdownTimeout, terminateGrace, leaseAfter, leaseTtl, queues,
                maxLostThreads, observability);
    }

    public WorkerConfig withTerminateGrace(Duration terminateGrace) {
        return new WorkerConfig(broker, name, concurrency, shutdownTimeout, terminateGrace, leaseAfter, leaseTtl, queues,
                maxLostThreads, observability);
    }

    public WorkerConfig withLease(Duration leaseAfter, Duration leaseTtl) {
        return new WorkerConfig(broker, name, concurrency, shutdownTimeout, terminateGrace, leaseAfter, leaseTtl, queues,
                maxLostThreads, observability);
    }

    /** The named queues it takes jobs from ({@code --queues gpu,default}). */
    public WorkerConfig withQueues(List<String> queues) {
        return new WorkerConfig(broker, name, concurrency, shutdownTimeout, terminateGrace, leaseAfter, leaseTtl, queues,
                maxLostThreads, observability);
    }

    public WorkerConfig withMaxLostThreads(int maxLostThreads) {
        return new WorkerConfig(broker, name, concurrency, shutdownTimeout, terminateGrace, leaseAfter, leaseTtl, queues,
                maxLostThreads, observability);
    }

    public WorkerConfig withObservability(Observability observability) {
        return new WorkerConfig(broker, name, concurrency, shutdownTimeout, terminateGrace, leaseAfter, leaseTtl, queues,
                maxLostThreads, Objects.requireNonNull(observability, "observability"));
    }

    public WorkerConfig withBroker(BrokerSettings broker) {
        return new WorkerConfig(broker, name, concurrency, shutdownTimeout, terminateGrace, leaseAfter, leaseTtl, queues,
                maxLostThreads, observability);
    }

    public static String defaultName() {
        return hostName() + "-" + ProcessHandle.current().pid();
    }

    public static String hostName() {
        String fromEnv = System.getenv("HOSTNAME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String runtime = ManagementFactory.getRuntimeMXBean().getName(); // pid@host
            return runtime.contains("@") ? runtime.substring(runtime.indexOf('@') + 1) : "localhost";
        }
    }
}
