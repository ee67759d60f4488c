package org.multiprocessing4j.cli.support;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.OutputSink;
import org.multiprocessing4j.connection.BrokerSettings;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Where the broker is: shared by every command (a picocli mixin, inherited by subcommands).
 *
 * <p>Checked before connecting. An option given empty is an error, not the default: a script's unset
 * variable ({@code --namespace "$NS"}) must not send jobs to another namespace's workers. An empty
 * environment variable counts as unset, as in the library and the worker.
 */
public final class BrokerOptions {
    /**
     * How long this command's reply queue outlives it when it dies without closing (kill -9): results
     * nobody will read must not wait an hour. Ctrl-C and SIGTERM delete it at once; a link fault
     * shorter than this (the client declares the queue again on reconnection) loses nothing.
     */
    static final Duration REPLY_QUEUE_EXPIRY = Duration.ofMinutes(2);
    static final int MAX_CONNECT_TIMEOUT_SECONDS = 86_400;
    /** A --timeout shorter than this still lets the connection be made (a loaded broker takes a second or so). */
    static final Duration MIN_CONNECT_WITHIN_DEADLINE = Duration.ofSeconds(2);

    private final Map<String, String> env;

    @Option(names = "--uri", paramLabel = "URI", scope = ScopeType.INHERIT,
            description = "Broker URI, amqp:// or amqps:// (env AMQP_URI; default: localhost:5672, guest/guest, vhost /).")
    String uri;

    @Option(names = "--namespace", paramLabel = "NS", scope = ScopeType.INHERIT,
            description = "Prefix of every queue and exchange; must match the workers' (env MP4J_NAMESPACE; default mp4j).")
    String namespace;

    @Option(names = "--jobs-queue", paramLabel = "TYPE", scope = ScopeType.INHERIT,
            description = "quorum (replicated) or classic (one node, faster); must match the namespace's workers "
                    + "(env MP4J_JOBS_QUEUE; default quorum).")
    String jobsQueue;

    @Option(names = "--tls-ca", paramLabel = "PEM", scope = ScopeType.INHERIT,
            description = "For amqps://: CA certificates to trust, instead of the JVM's trust store (env MP4J_TLS_CA).")
    String tlsCa;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", scope = ScopeType.INHERIT, defaultValue = "8",
            description = "How long to keep trying to reach the broker, 1 to 86400 (default ${DEFAULT-VALUE}); "
                    + "a command's --timeout bounds it too.")
    int connectTimeoutSeconds;

    @Option(names = "--no-events", scope = ScopeType.INHERIT,
            description = "Do not record the jobs submitted in the events stream (history, logs, dashboard).")
    boolean noEvents;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Print stack traces of unexpected errors.")
    boolean debug;

    public BrokerOptions(Map<String, String> env) {
        this.env = env;
    }

    /** True with --debug: stack traces for every error. */
    public boolean debug() {
        return debug;
    }

    BrokerSettings settings() {
        OptionValues.inRange("--connect-timeout", connectTimeoutSeconds, 1, MAX_CONNECT_TIMEOUT_SECONDS);
        BrokerSettings settings = BrokerSettings.defaults().withConnectTimeout(Duration.ofSeconds(connectTimeoutSeconds));
        String brokerUri = setting("--uri", uri, BrokerSettings.ENV_URI);
        String ns = setting("--namespace", namespace, BrokerSettings.ENV_NAMESPACE);
        String caFile = setting("--tls-ca", tlsCa, BrokerSettings.ENV_TLS_CA);
        String jobsQueueType = setting("--jobs-queue", jobsQueue, BrokerSettings.ENV_JOBS_QUEUE);
        if (brokerUri != null) {
            settings = settings.withUri(brokerUri);
        }
        if (ns != null) {
            settings = settings.withNamespace(Namespaces.check(source("--namespace", namespace, BrokerSettings.ENV_NAMESPACE), ns));
        }
        if (caFile != null) {
            settings = settings.withTlsCaFile(Path.of(caFile));
        }
        if (jobsQueueType != null) {
            settings = settings.withJobsQueue(JobsQueues.parse(source("--jobs-queue", jobsQueue, BrokerSettings.ENV_JOBS_QUEUE),
                    jobsQueueType));
        }
        return settings;
    }

    /** A client whose task output goes to {@code output} and process failures to {@code errors}. */
    Multiprocessing connect(OutputSink output, PrintWriter errors, Deadline deadline) {
        BrokerSettings settings = settings();
        Duration left = deadline.left();
        if (left != null) {
            // Within the command's --timeout, but never so short that a busy broker's handshake cannot finish.
            Duration bound = left.compareTo(MIN_CONNECT_WITHIN_DEADLINE) < 0 ? MIN_CONNECT_WITHIN_DEADLINE : left;
            if (bound.compareTo(settings.connectTimeout()) < 0) {
                settings = settings.withConnectTimeout(bound);
            }
        }
        return Multiprocessing.builder().settings(settings).output(output).replyQueueExpiry(REPLY_QUEUE_EXPIRY)
                .events(!noEvents, "1D")
                .errorOutput(line -> {
                    if (!Interrupts.interrupted()) { // a process stopped by Ctrl-C did not fail; the handler says what it did
                        errors.println(line);
                        errors.flush();
                    }
                }).connect();
    }

    /** {@code message} with the broker URI in effect hidden wherever it (or its password) appears. */
    public String redact(String message) {
        String effective = uri != null ? uri.strip() : env.get(BrokerSettings.ENV_URI);
        return effective == null ? message : Redaction.redact(message, effective.strip());
    }

    /** The option's value, else its environment variable's; null when neither is set. Given empty is refused. */
    private String setting(String option, String optionValue, String envName) {
        boolean secret = option.equals("--uri");
        if (optionValue != null) {
            return OptionValues.printable(option, OptionValues.notEmpty(option, optionValue).strip(), secret);
        }
        String fromEnv = env.get(envName);
        return fromEnv == null || fromEnv.isBlank() ? null : OptionValues.printable(envName, fromEnv.strip(), secret);
    }

    private static String source(String option, String optionValue, String envName) {
        return optionValue != null ? option : envName;
    }
}
