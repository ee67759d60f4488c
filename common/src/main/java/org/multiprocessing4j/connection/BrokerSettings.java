package org.multiprocessing4j.connection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to reach the broker, validated when built. Immutable; change a copy with the
 * {@code with*} methods.
 *
 * <pre>{@code
 * BrokerSettings settings = BrokerSettings.fromEnvironment()      // AMQP_URI, MP4J_NAMESPACE
 *         .withConnectTimeout(Duration.ofSeconds(30));
 * }</pre>
 *
 * @param uri              {@code amqp://} or {@code amqps://} URI, credentials included; several nodes of a
 *                         cluster as {@code amqp://user:pass@host1:5672,host2:5672,host3/%2F} (see {@link #nodes()})
 * @param connectTimeout   how long the first connection keeps retrying (with backoff) before giving up
 * @param heartbeat        AMQP heartbeat; a silently dead link is noticed after about two of them
 * @param recoveryInterval pause between reconnection attempts after a link was lost
 * @param namespace        prefix of every queue and exchange; clusters with different namespaces never see each other's work
 * @param maxMessageSize   largest message body sent; must not exceed the broker's {@code max_message_size}
 * @param tlsCaFile        for {@code amqps://}: a PEM file of the CA certificates to trust, instead of the
 *                         JVM's trust store; null for the JVM's
 * @param jobsQueue        the type of the namespace's jobs queues; every client of a namespace must use the same
 */
public record BrokerSettings(
        String uri,
        Duration connectTimeout,
        Duration heartbeat,
        Duration recoveryInterval,
        String namespace,
        int maxMessageSize,
        Path tlsCaFile,
        JobsQueueType jobsQueue) {

    public static final String DEFAULT_URI = "amqp://guest:guest@localhost:5672/%2F";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(8);
    /** Two missed heartbeats (about 10-15 s) reveal a silently dropped link. */
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(5);
    /** amqp-client's own default is 5 s; a restarted broker is usually back sooner. */
    public static final Duration DEFAULT_RECOVERY_INTERVAL = Duration.ofSeconds(1);
    public static final String DEFAULT_NAMESPACE = "mp4j";
    /** RabbitMQ's default {@code max_message_size} (128 MiB). */
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 128 * 1024 * 1024;

    public static final String ENV_URI = "AMQP_URI";
    public static final String ENV_NAMESPACE = "MP4J_NAMESPACE";
    public static final String ENV_TLS_CA = "MP4J_TLS_CA";
    /** {@code quorum} (the default) or {@code classic}. */
    public static final String ENV_JOBS_QUEUE = "MP4J_JOBS_QUEUE";
    /** Replicated, with the broker counting deliveries: what every earlier version declared. */
    public static final JobsQueueType DEFAULT_JOBS_QUEUE = JobsQueueType.QUORUM;

    private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

    public BrokerSettings {
        Objects.requireNonNull(uri, "uri");
        validateUri(uri);
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(heartbeat, "heartbeat");
        requirePositive(recoveryInterval, "recoveryInterval");
        if (namespace == null || !NAMESPACE.matcher(namespace).matches()) {
            throw new IllegalArgumentException(
                    "namespace must be 1-100 characters of letters, digits, '_', '.' or '-', got: " + namespace);
        }
        if (namespace.equals("amq") || namespace.startsWith("amq.")) {
            // The broker refuses to declare such names (403): say so here, not as a failed set-up later.
            throw new IllegalArgumentException("namespace '" + namespace + "' cannot be used: RabbitMQ reserves names "
                    + "starting with 'amq.'; choose another namespace");
        }
        if (maxMessageSize <= 0) {
            throw new IllegalArgumentException("maxMessageSize must be positive, got " + maxMessageSize);
        }
        if (tlsCaFile != null && !Files.isReadable(tlsCaFile)) {
            throw new IllegalArgumentException("TLS CA file " + tlsCaFile + " does not exist or cannot be read");
        }
        Objects.requireNonNull(jobsQueue, "jobsQueue");
    }

    /** The settings as they were before the jobs queue type could be chosen: quorum jobs queues. */
    public BrokerSettings(String uri, Duration connectTimeout, Duration heartbeat, Duration recoveryInterval,
                          String namespace, int maxMessageSize, Path tlsCaFile) {
        this(uri, connectTimeout, heartbeat, recoveryInterval, namespace, maxMessageSize, tlsCaFile, DEFAULT_JOBS_QUEUE);
    }

    /** Defaults everywhere: {@value #DEFAULT_URI}, namespace {@value #DEFAULT_NAMESPACE}. */
    public static BrokerSettings defaults() {
        return new BrokerSettings(DEFAULT_URI, DEFAULT_CONNECT_TIMEOUT, DEFAULT_HEARTBEAT,
                DEFAULT_RECOVERY_INTERVAL, DEFAULT_NAMESPACE, DEFAULT_MAX_MESSAGE_SIZE, null);
    }

    /** Defaults, overridden by {@code AMQP_URI}, {@code MP4J_NAMESPACE}, {@code MP4J_TLS_CA} and {@code MP4J_JOBS_QUEUE} where they are set. */
    public static BrokerSettings fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    static BrokerSettings fromEnvironment(Map<String, String> env) {
        BrokerSettings settings = defaults();
        String uri = env.get(ENV_URI);
        if (uri != null && !uri.isBlank()) {
            settings = settings.withUri(uri.trim());
        }
        String namespace = env.get(ENV_NAMESPACE);
        if (namespace != null && !namespace.isBlank()) {
            settings = settings.withNamespace(namespace.trim());
        }
        String ca = env.get(ENV_TLS_CA);
        if (ca != null && !ca.isBlank()) {
            settings = settings.withTlsCaFile(Path.of(ca.trim()));
        }
        String jobsQueue = env.get(ENV_JOBS_QUEUE);
        if (jobsQueue != null && !jobsQueue.isBlank()) {
            try {
                settings = settings.withJobsQueue(JobsQueueType.parse(jobsQueue));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(ENV_JOBS_QUEUE + ": " + e.getMessage(), e);
            }
        }
        return settings;
    }

    public BrokerSettings withUri(String uri) {
        return new BrokerSettings(uri, connectTimeout, heartbeat, recoveryInterval, namespace, maxMessageSize, tlsCaFile,
                jobsQueue);
    }

    public BrokerSettings withConnectTimeout(Duration connectTimeout) {
        return new BrokerSettings(uri, connectTimeout, heartbeat, recoveryInterval, namespace, maxMessageSize, tlsCaFile,
                jobsQueue);
    }

    public BrokerSettings withHeartbeat(Duration heartbeat) {
        return new BrokerSettings(uri, connectTimeout, heartbeat, recoveryInterval, namespace, maxMessageSize, tlsCaFile,
                jobsQueue);
    }

    public BrokerSettings withRecoveryInterval(Duration recoveryInterval) {
        return new BrokerSettings(uri, connectTimeout, heartbeat, recoveryInterval, namespace, maxMessageSize, tlsCaFile,
                jobsQueue);
    }

    public BrokerSettings withNamespace(String namespace) {
        return new BrokerSettings(uri, connectTimeout, heartbeat, recoveryInterval, namespace, maxMessageSize, tlsCaFile,
                jobsQueue);
    }

    public BrokerSettings withMaxMessageSize(int maxMessageSize) {
        return new BrokerSettings(uri, connectTimeout, heartbeat, recoveryInterval, namespace, maxMessageSize, tlsCaFile,
                jobsQueue);
    }

    public BrokerSettings withTlsCaFile(Path tlsCaFile) {
        return new BrokerSettings(uri, connectTimeout, heartbeat, recoveryInterval, namespace, maxMessageSize, tlsCaFile,
                jobsQueue);
    }

    public BrokerSettings withJobsQueue(JobsQueueType jobsQueue) {
        return new BrokerSettings(uri, connectTimeout, heartbeat, recoveryInterval, namespace, maxMessageSize, tlsCaFile,
                jobsQueue);
    }

    /**
     * The broker nodes to try, in the order written: one for a plain URI, several for a cluster
     * ({@code amqp://user:pass@host1:5672,host2:5672,host3/%2F}, one set of credentials and one
     * virtual host for all, as in MongoDB or PostgreSQL JDBC URIs). A comma-separated list of full
     * URIs that agree on scheme, credentials and virtual host means the same.
     */
    public List<BrokerNode> nodes() {
        return BrokerUri.parse(uri).nodes();
    }

    /**
     * The URI of one of {@link #nodes()}, credentials included: for a client library that takes a
     * single address. Secret: never print it (print {@link #maskedUri()}).
     */
    public String nodeUri(BrokerNode node) {
        return BrokerUri.parse(uri).singleNodeUri(node);
    }

    /** The URI with its password replaced by {@code ***}: the only form that may appear in logs and errors. */
    public String maskedUri() {
        return MaskedUri.mask(uri);
    }

    public boolean tls() {
        return uri.regionMatches(true, 0, "amqps:", 0, 6);
    }

    /** Never print the password: records would otherwise put the URI in toString. */
    @Override
    public String toString() {
        return "BrokerSettings[uri=" + maskedUri() + ", namespace=" + namespace + ", connectTimeout=" + connectTimeout
                + ", heartbeat=" + heartbeat + ", recoveryInterval=" + recoveryInterval
                + ", maxMessageSize=" + maxMessageSize + (tlsCaFile == null ? "" : ", tlsCaFile=" + tlsCaFile)
                + ", jobsQueue=" + jobsQueue.wireName() + "]";
    }

    private static void validateUri(String uri) {
        BrokerUri.parse(uri); // every message it throws names the URI masked
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
        }
    }
}
