package org.multiprocessing4j.worker;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.multiprocessing4j.connection.BrokerSettings;
import org.multiprocessing4j.errors.BrokerUnavailableException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code worker [--uri URI] [--concurrency N] [--name NAME]}: runs until SIGTERM or Ctrl-C, then
 * stops gracefully (no new jobs; jobs in hand finish and are acknowledged; then exit).
 */
@Command(name = "worker", mixinStandardHelpOptions = true, version = "multiprocessing4j worker 0.1.0",
        description = "Consumes jobs from RabbitMQ and runs the tasks registered on its classpath.",
        sortOptions = false)
public final class WorkerMain implements Callable<Integer> {
    static final int EXIT_BROKER_UNAVAILABLE = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--uri", paramLabel = "URI", defaultValue = "${env:AMQP_URI}",
            description = "Broker URI, amqp:// or amqps:// (env AMQP_URI; default: localhost:5672, guest/guest, vhost /).")
    String uri;

    @Option(names = "--tls-ca", paramLabel = "PEM", defaultValue = "${env:MP4J_TLS_CA}",
            description = "For amqps://: CA certificates to trust, instead of the JVM's trust store (env MP4J_TLS_CA).")
    String tlsCa;

    @Option(names = {"-c", "--concurrency"}, paramLabel = "N", defaultValue = "${env:MP4J_CONCURRENCY}",
            description = "Tasks run at once, and the prefetch (env MP4J_CONCURRENCY; default: CPU count).")
    Integer concurrency;

    @Option(names = {"-n", "--name"}, paramLabel = "NAME", defaultValue = "${env:MP4J_WORKER_NAME}",
            description = "Name shown by 'producer workers' (env MP4J_WORKER_NAME; default <host>-<pid>).")
    String name;

    @Option(names = "--namespace", paramLabel = "NS", defaultValue = "${env:MP4J_NAMESPACE}",
            description = "Prefix of every queue and exchange (env MP4J_NAMESPACE; default mp4j).")
    String namespace;

    @Option(names = "--heartbeat", paramLabel = "SECONDS", defaultValue = "5",
            description = "AMQP heartbeat; a dead link is noticed after about two (default ${DEFAULT-VALUE}).")
    int heartbeatSeconds;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long to keep trying to reach the broker at start (default ${DEFAULT-VALUE}).")
    int connectTimeoutSeconds;

    @Option(names = "--shutdown-timeout", paramLabel = "SECONDS",
            description = "On SIGTERM, how long to wait for tasks in hand before handing them back "
                    + "(default: wait as long as they take).")
    Integer shutdownTimeoutSeconds;

    @Option(names = "--terminate-grace", paramLabel = "MILLIS", defaultValue = "1000",
            description = "How long a terminated task may take to end before it is abandoned (default ${DEFAULT-VALUE}).")
    long terminateGraceMillis;

    @Option(names = "--lease-after", paramLabel = "SECONDS", defaultValue = "600",
            description = "A task running longer trades its delivery for a lease, so the broker's consumer_timeout "
                    + "cannot close it and run it twice; keep it below that timeout (default ${DEFAULT-VALUE}).")
    double leaseAfterSeconds;

    @Option(names = "--lease-ttl", paramLabel = "SECONDS", defaultValue = "60",
            description = "A leased job whose worker died runs again elsewhere after this (default ${DEFAULT-VALUE}).")
    long leaseTtlSeconds;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new WorkerMain());
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            cmd.getErr().println("worker: " + e.getMessage());
            return e instanceof BrokerUnavailableException ? EXIT_BROKER_UNAVAILABLE : 1;
        });
        return commandLine;
    }

    @Override
    public Integer call() {
        WorkerConfig config = config();
        Worker worker = Worker.start(config);
        Thread hook = new Thread(worker::stop, "mp4j-worker-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        worker.awaitStop();
        return 0;
    }

    WorkerConfig config() {
        BrokerSettings broker = BrokerSettings.defaults()
                .withHeartbeat(Duration.ofSeconds(requirePositive(heartbeatSeconds, "--heartbeat")))
                .withConnectTimeout(Duration.ofSeconds(requirePositive(connectTimeoutSeconds, "--connect-timeout")));
        try {
            if (uri != null && !uri.isBlank()) {
                broker = broker.withUri(uri.trim());
            }
            if (namespace != null && !namespace.isBlank()) {
                broker = broker.withNamespace(namespace.trim());
            }
            if (tlsCa != null && !tlsCa.isBlank()) {
                broker = broker.withTlsCaFile(java.nio.file.Path.of(tlsCa.trim()));
            }
            WorkerConfig config = WorkerConfig.defaults(broker)
                    .withTerminateGrace(Duration.ofMillis(terminateGraceMillis))
                    .withLease(Duration.ofMillis(Math.round(leaseAfterSeconds * 1000)), Duration.ofSeconds(leaseTtlSeconds));
            if (concurrency != null) {
                config = config.withConcurrency(concurrency);
            }
            if (name != null && !name.isBlank()) {
                config = config.withName(name.trim());
            }
            if (shutdownTimeoutSeconds != null) {
                config = config.withShutdownTimeout(Duration.ofSeconds(shutdownTimeoutSeconds));
            }
            return config;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private int requirePositive(int value, String option) {
        if (value <= 0) {
            throw new ParameterException(spec.commandLine(), option + " must be positive, got " + value);
        }
        return value;
    }
}
