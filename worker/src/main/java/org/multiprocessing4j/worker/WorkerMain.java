package org.multiprocessing4j.worker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.multiprocessing4j.connection.BrokerSettings;
import org.multiprocessing4j.connection.JobsQueueType;
import org.multiprocessing4j.errors.BrokerUnavailableException;
import org.multiprocessing4j.task.CallOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code worker [--uri URI] [--concurrency N] [--name NAME]}: runs until SIGTERM or Ctrl-C, then
 * stops gracefully (no new jobs; jobs in hand finish and are acknowledged; then exit).
 *
 * <p>Every option is checked before the worker connects: a bad one ends it with one line naming
 * the option and the value, and exit code 2. An option given empty on the command line is an
 * error rather than the default (a script's unset variable must not send a worker to another
 * namespace or broker); an empty environment variable counts as unset, as in the library.
 */
@Command(name = "worker", mixinStandardHelpOptions = true, version = "multiprocessing4j worker 0.1.0",
        description = "Consumes jobs from RabbitMQ and runs the tasks registered on its classpath.",
        sortOptions = false)
public final class WorkerMain implements Callable<Integer> {
    static final int EXIT_BROKER_UNAVAILABLE = 3;
    static final String ENV_CONCURRENCY = "MP4J_CONCURRENCY";
    static final String ENV_NAME = "MP4J_WORKER_NAME";
    static final String ENV_QUEUES = "MP4J_QUEUES";

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;

    @Option(names = "--uri", paramLabel = "URI",
            description = "Broker URI, amqp:// or amqps:// (env AMQP_URI; default: localhost:5672, guest/guest, vhost /).")
    String uri;

    @Option(names = "--tls-ca", paramLabel = "PEM",
            description = "For amqps://: CA certificates to trust, instead of the JVM's trust store (env MP4J_TLS_CA).")
    String tlsCa;

    @Option(names = {"-c", "--concurrency"}, paramLabel = "N",
            description = "Tasks run at once, and the prefetch: 1 to " + WorkerConfig.MAX_CONCURRENCY
                    + "; for more, run more workers (env MP4J_CONCURRENCY; default: CPU count).")
    String concurrency;

    @Option(names = {"-n", "--name"}, paramLabel = "NAME",
            description = "Name shown by 'producer workers', at most " + WorkerConfig.MAX_NAME_LENGTH
                    + " characters, no line breaks (env MP4J_WORKER_NAME; default <host>-<pid>).")
    String name;

    @Option(names = "--namespace", paramLabel = "NS",
            description = "Prefix of every queue and exchange (env MP4J_NAMESPACE; default mp4j).")
    String namespace;

    @Option(names = "--jobs-queue", paramLabel = "TYPE",
            description = "quorum (replicated) or classic (one node, faster); must match the namespace's producers "
                    + "(env MP4J_JOBS_QUEUE; default quorum).")
    String jobsQueue;

    @Option(names = "--heartbeat", paramLabel = "SECONDS", defaultValue = "5",
            description = "AMQP heartbeat, 1 to 600; a dead link is noticed after about two (default ${DEFAULT-VALUE}).")
    int heartbeatSeconds;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long to keep trying to reach the broker at start, 1 to 86400 (default ${DEFAULT-VALUE}).")
    int connectTimeoutSeconds;

    @Option(names = "--shutdown-timeout", paramLabel = "SECONDS",
            description = "On SIGTERM, how long to wait for tasks in hand before handing them back, 0 to 604800 "
                    + "(default: wait as long as they take).")
    Integer shutdownTimeoutSeconds;

    @Option(names = "--terminate-grace", paramLabel = "MILLIS", defaultValue = "1000",
            description = "How long a terminated task may take to end before it is abandoned, 0 to 600000 "
                    + "(default ${DEFAULT-VALUE}).")
    long terminateGraceMillis;

    @Option(names = "--lease-after", paramLabel = "SECONDS", defaultValue = "600",
            description = "A task running longer trades its delivery for a lease, so the broker's consumer_timeout "
                    + "cannot close it and run it twice; keep it below that timeout, 0.1 to 86400 (default ${DEFAULT-VALUE}).")
    double leaseAfterSeconds;

    @Option(names = "--lease-ttl", paramLabel = "SECONDS", defaultValue = "60",
            description = "A leased job whose worker died runs again elsewhere after this, 3 to 86400 (default ${DEFAULT-VALUE}).")
    long leaseTtlSeconds;

    @Option(names = {"-Q", "--queues"}, paramLabel = "A,B",
            description = "Named queues to take jobs from, comma-separated (env MP4J_QUEUES; default: default).")
    String queues;

    @Option(names = "--max-lost-threads", paramLabel = "N", defaultValue = "4",
            description = "After more task threads than this are left behind by hard time limits, stop cleanly and "
                    + "exit 75 for the supervisor to restart the worker, 1 to 1000 (default ${DEFAULT-VALUE}).")
    int maxLostThreads;

    @Option(names = "--debug", negatable = false,
            description = "Log at debug level: failed reconnection attempts and the stack traces of link and recovery "
                    + "failures (without it, one line when a link is lost and one when it is back).")
    boolean debug;

    @Option(names = "--no-events", negatable = false,
            description = "Do not append job events to the events stream (history, logs, dashboard).")
    boolean noEvents;

    @Option(names = "--events-retention", paramLabel = "AGE", defaultValue = "1D",
            description = "How long the events stream keeps events, when this worker creates it: 1D, 12h, 7D "
                    + "(default ${DEFAULT-VALUE}).")
    String eventsRetention;

    @Option(names = "--metrics-port", paramLabel = "PORT", defaultValue = "${env:MP4J_METRICS_PORT:-0}",
            description = "Serve Prometheus metrics on this port at /metrics, 1 to 65535 (env MP4J_METRICS_PORT; default off).")
    int metricsPort;

    @Option(names = "--metrics-bind", paramLabel = "ADDRESS", defaultValue = "${env:MP4J_METRICS_BIND:-127.0.0.1}",
            description = "Address the metrics port listens on (env MP4J_METRICS_BIND; default 127.0.0.1; 0.0.0.0 in a container).")
    String metricsBind;

    WorkerMain(Map<String, String> env) {
        this.env = env;
    }

    public static void main(String[] args) {
        System.exit(commandLine(System.getenv()).execute(args));
    }

    static CommandLine commandLine(Map<String, String> env) {
        CommandLine commandLine = new CommandLine(new WorkerMain(env));
        commandLine.setParameterExceptionHandler(WorkerMain::refuse);
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            cmd.getErr().println("worker: " + e.getMessage());
            return e instanceof BrokerUnavailableException ? EXIT_BROKER_UNAVAILABLE : 1;
        });
        return commandLine;
    }

    /** A bad command line: one line (no usage dump) and picocli's exit code for invalid input, 2. */
    private static int refuse(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String hint = e instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()
                ? " (did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?)"
                : " (worker --help lists the options)";
        command.getErr().println("worker: " + e.getMessage().replace('\n', ' ') + hint);
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public Integer call() {
        if (debug) {
            // Read by the bundled simple logger when each logger is made, i.e. after this line for ours.
            System.setProperty("org.slf4j.simpleLogger.log.org.multiprocessing4j", "debug");
        }
        WorkerConfig config = config();
        Worker worker = Worker.start(config);
        Thread hook = new Thread(worker::stop, "mp4j-worker-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        worker.awaitStop();
        if (worker.needsRestart()) {
            spec.commandLine().getErr().println("worker: stopped to be restarted: more than " + config.maxLostThreads()
                    + " task threads were left behind by hard time limits (exit " + WorkerConfig.EXIT_RESTART + ")");
            return WorkerConfig.EXIT_RESTART;
        }
        return 0;
    }

    WorkerConfig config() {
        BrokerSettings broker = BrokerSettings.defaults()
                .withHeartbeat(Duration.ofSeconds(inRange("--heartbeat", heartbeatSeconds, 1, 600)))
                .withConnectTimeout(Duration.ofSeconds(inRange("--connect-timeout", connectTimeoutSeconds, 1, 86_400)));
        String brokerUri = setting("--uri", uri, BrokerSettings.ENV_URI);
        String ns = setting("--namespace", namespace, BrokerSettings.ENV_NAMESPACE);
        String caFile = setting("--tls-ca", tlsCa, BrokerSettings.ENV_TLS_CA);
        String jobsQueueType = setting("--jobs-queue", jobsQueue, BrokerSettings.ENV_JOBS_QUEUE);
        String workerName = setting("--name", name, ENV_NAME);
        String workerConcurrency = setting("--concurrency", concurrency, ENV_CONCURRENCY);
        long terminateGrace = inRange("--terminate-grace", terminateGraceMillis, 0, 600_000);
        Duration leaseAfter = Duration.ofMillis(Math.round(inRange("--lease-after", leaseAfterSeconds, 0.1, 86_400) * 1000));
        Duration leaseTtl = Duration.ofSeconds(inRange("--lease-ttl", leaseTtlSeconds, 3, 86_400));
        try {
            broker = brokerUri == null ? broker : broker.withUri(brokerUri);
            broker = ns == null ? broker : broker.withNamespace(ns);
            broker = caFile == null ? broker : broker.withTlsCaFile(Path.of(caFile));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (jobsQueueType != null) {
            try {
                broker = broker.withJobsQueue(JobsQueueType.parse(jobsQueueType));
            } catch (IllegalArgumentException e) {
                throw refused(source("--jobs-queue", jobsQueue, BrokerSettings.ENV_JOBS_QUEUE) + ": " + e.getMessage());
            }
        }
        WorkerConfig config = WorkerConfig.defaults(broker)
                .withTerminateGrace(Duration.ofMillis(terminateGrace))
                .withLease(leaseAfter, leaseTtl)
                .withMaxLostThreads((int) inRange("--max-lost-threads", maxLostThreads, 1, 1000));
        try {
            config = config.withObservability(new WorkerConfig.Observability(!noEvents, eventsRetention,
                    (int) inRange("--metrics-port", metricsPort, 0, 65_535), metricsBind));
        } catch (IllegalArgumentException e) {
            throw refused(e.getMessage());
        }
        String workerQueues = setting("--queues", queues, ENV_QUEUES);
        if (workerQueues != null) {
            try {
                config = config.withQueues(CallOptions.queueNames(workerQueues));
            } catch (IllegalArgumentException e) {
                throw refused(source("--queues", queues, ENV_QUEUES) + ": " + e.getMessage());
            }
        }
        if (workerConcurrency != null) {
            config = config.withConcurrency(concurrency(workerConcurrency, source("--concurrency", concurrency, ENV_CONCURRENCY)));
        }
        if (workerName != null) {
            String problem = WorkerConfig.nameProblem(workerName);
            if (problem != null) {
                throw refused(source("--name", name, ENV_NAME) + " " + problem);
            }
            config = config.withName(workerName);
        }
        if (shutdownTimeoutSeconds != null) {
            config = config.withShutdownTimeout(Duration.ofSeconds(inRange("--shutdown-timeout", shutdownTimeoutSeconds, 0, 604_800)));
        }
        return config;
    }

    /**
     * The option's value without surrounding whitespace, else its environment variable's; null when
     * neither is set. Given on the command line but empty is refused; an empty environment variable
     * is unset. (Not trim(): it would drop a control character at the end rather than refuse it.)
     */
    private String setting(String option, String optionValue, String envName) {
        if (optionValue != null) {
            if (optionValue.isBlank()) {
                throw refused(option + " is empty: give a value, or leave the option out for the default");
            }
            return optionValue.strip();
        }
        String fromEnv = env.get(envName);
        return fromEnv == null || fromEnv.isBlank() ? null : fromEnv.strip();
    }

    private static String source(String option, String optionValue, String envName) {
        return optionValue != null ? option : envName;
    }

    private int concurrency(String value, String source) {
        int parsed;
        try {
            parsed = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw refused(source + " must be a whole number from 1 to " + WorkerConfig.MAX_CONCURRENCY
                    + ", got " + WorkerConfig.quoted(value));
        }
        return (int) inRange(source, parsed, 1, WorkerConfig.MAX_CONCURRENCY);
    }

    private long inRange(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw refused(option + " must be from " + min + " to " + max + ", got " + value);
        }
        return value;
    }

    private double inRange(String option, double value, double min, double max) {
        if (!(value >= min && value <= max)) { // also refuses NaN
            throw refused(option + " must be from " + plain(min) + " to " + plain(max) + ", got " + value);
        }
        return value;
    }

    private static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private ParameterException refused(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
