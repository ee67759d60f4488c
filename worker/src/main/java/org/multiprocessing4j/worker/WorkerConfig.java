package org.multiprocessing4j.worker;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
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
 */
public record WorkerConfig(BrokerSettings broker, String name, int concurrency, Duration shutdownTimeout,
                           Duration terminateGrace, Duration leaseAfter, Duration leaseTtl) {

    public static final int DEFAULT_CONCURRENCY = Runtime.getRuntime().availableProcessors();
    public static final Duration DEFAULT_TERMINATE_GRACE = Duration.ofSeconds(1);
    /** A third of RabbitMQ's default consumer_timeout (30 min). */
    public static final Duration DEFAULT_LEASE_AFTER = Duration.ofMinutes(10);
    public static final Duration DEFAULT_LEASE_TTL = Duration.ofMinutes(1);
    /** A worker usually starts alongside its broker (compose, systemd): give the broker time to come up. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(60);

    public WorkerConfig {
        Objects.requireNonNull(broker, "broker");
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("worker name must be 1-200 characters, got: " + name);
        }
        if (concurrency < 1 || concurrency > 10_000) {
            throw new IllegalArgumentException("concurrency must be between 1 and 10000, got " + concurrency);
        }
        if (shutdownTimeout != null && shutdownTimeout.isNegative()) {
            throw new IllegalArgumentException("shutdownTimeout must not be negative");
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

    /** Defaults with the broker from {@code AMQP_URI} and a patient first connection. */
    public static WorkerConfig defaults() {
        return defaults(BrokerSettings.fromEnvironment().withConnectTimeout(DEFAULT_CONNECT_TIMEOUT));
    }

    public static WorkerConfig defaults(BrokerSettings broker) {
        return new WorkerConfig(broker, defaultName(), DEFAULT_CONCURRENCY, null, DEFAULT_TERMINATE_GRACE,
                DEFAULT_LEASE_AFTER, DEFAULT_LEASE_TTL);
    }

    public WorkerConfig withName(String name) {
        return new WorkerConfig(broker, name, concurrency, shutdownTimeout, terminateGrace, leaseAfter, leaseTtl);
    }

    public WorkerConfig withConcurrency(int concurrency) {
        return new WorkerConfig(broker, name, concurrency, shutdownTimeout, terminateGrace, leaseAfter, leaseTtl);
    }

    public WorkerConfig withShutdownTimeout(Duration shutdownTimeout) {
        return new WorkerConfig(broker, name, concurrency, shutdownTimeout, terminateGrace, leaseAfter, leaseTtl);
    }

    public WorkerConfig withTerminateGrace(Duration terminateGrace) {
        return new WorkerConfig(broker, name, concurrency, shutdownTimeout, terminateGrace, leaseAfter, leaseTtl);
    }

    public WorkerConfig withLease(Duration leaseAfter, Duration leaseTtl) {
        return new WorkerConfig(broker, name, concurrency, shutdownTimeout, terminateGrace, leaseAfter, leaseTtl);
    }

    public WorkerConfig withBroker(BrokerSettings broker) {
        return new WorkerConfig(broker, name, concurrency, shutdownTimeout, terminateGrace, leaseAfter, leaseTtl);
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
