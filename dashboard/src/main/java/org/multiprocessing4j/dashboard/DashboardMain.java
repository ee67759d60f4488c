package org.multiprocessing4j.dashboard;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.multiprocessing4j.connection.BrokerSettings;
import org.multiprocessing4j.connection.JobsQueueType;
import org.multiprocessing4j.errors.BrokerUnavailableException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code scripts/dashboard}: serves the live dashboard until stopped (Ctrl-C, SIGTERM). Every option
 * is checked before connecting; a bad one ends it with one line and exit code 2, an unreachable
 * broker with one line and exit code 3.
 */
@Command(name = "dashboard", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Serves a live web page of the workers, queues, rates and jobs, with actions (terminate, replay).")
public final class DashboardMain implements Callable<Integer> {
    static final int EXIT_BROKER_UNAVAILABLE = 3;
    static final String ENV_TOKEN = "MP4J_DASHBOARD_TOKEN";

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "Port to serve on, 0 for any free one (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}: this machine only). 0.0.0.0 serves every network: put it behind TLS.")
    String bind;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "Secret that actions need, at least 16 characters (env " + ENV_TOKEN + "; default: generated and printed once).")
    String token;

    @Option(names = "--recent-jobs", paramLabel = "N", defaultValue = "10000",
            description = "Jobs kept in memory for the page, " + RecentJobs.MIN_CAPACITY + " to " + RecentJobs.MAX_CAPACITY
                    + " (default ${DEFAULT-VALUE}); the oldest are dropped first.")
    int recentJobs;

    @Option(names = "--backlog-minutes", paramLabel = "MINUTES", defaultValue = "15",
            description = "History read at start, 0 to 1440 minutes (default ${DEFAULT-VALUE}: the rates chart's span).")
    int backlogMinutes;

    @Option(names = "--user-queue", paramLabel = "NAME",
            description = "A queue of yours to show even before a task is given it (repeatable).")
    List<String> userQueues = new ArrayList<>();

    @Option(names = "--uri", paramLabel = "URI",
            description = "Broker URI, amqp:// or amqps:// (env AMQP_URI; default localhost:5672, guest/guest).")
    String uri;

    @Option(names = "--namespace", paramLabel = "NS", description = "The workers' namespace (env MP4J_NAMESPACE; default mp4j).")
    String namespace;

    @Option(names = "--tls-ca", paramLabel = "PEM", description = "For amqps://: CA certificates to trust (env MP4J_TLS_CA).")
    Path tlsCa;

    @Option(names = "--jobs-queue", paramLabel = "TYPE",
            description = "quorum or classic: the namespace's jobs queue type (env MP4J_JOBS_QUEUE; default quorum).")
    String jobsQueue;

    private final Map<String, String> env;
    private final CountDownLatch stop = new CountDownLatch(1);

    DashboardMain(Map<String, String> env) {
        this.env = env;
    }

    public static void main(String[] args) {
        System.exit(commandLine(System.getenv()).execute(args));
    }

    static CommandLine commandLine(Map<String, String> env) {
        CommandLine commandLine = new CommandLine(new DashboardMain(env));
        commandLine.setParameterExceptionHandler(DashboardMain::refuse);
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            cmd.getErr().println("dashboard: " + e.getMessage());
            return e instanceof BrokerUnavailableException ? EXIT_BROKER_UNAVAILABLE : 1;
        });
        return commandLine;
    }

    /** A bad command line: one line (no usage dump), exit code 2. */
    private static int refuse(ParameterException e, String[] args) {
        String hint = e instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()
                ? " (did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?)" : "";
        e.getCommandLine().getErr().println("dashboard: " + e.getMessage() + hint);
        return e.getCommandLine().getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public Integer call() {
        DashboardConfig config = checkedConfig();
        PrintWriter out = spec.commandLine().getOut();
        try (Dashboard dashboard = Dashboard.start(config)) {
            String url = "http://" + (bind.contains(":") ? "[" + bind + "]" : bind) + ":" + dashboard.port() + "/";
            out.println("dashboard: serving " + url + " (namespace " + config.settings().namespace() + ", broker "
                    + config.settings().maskedUri() + ")");
            if (config.token().generated()) {
                out.println("dashboard: actions need this token (generated; set --token or " + ENV_TOKEN + " to choose it): "
                        + config.token().value());
            }
            out.println("dashboard: open " + url + "#token=" + config.token().value());
            out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "dashboard-stop"));
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    DashboardConfig checkedConfig() { // package-private: tests read the options through it
        inRange("--port", port, 0, 65_535);
        inRange("--recent-jobs", recentJobs, RecentJobs.MIN_CAPACITY, RecentJobs.MAX_CAPACITY);
        inRange("--backlog-minutes", backlogMinutes, 0, 1440);
        InetAddress address;
        try {
            address = InetAddress.getByName(notEmpty("--bind", bind));
        } catch (UnknownHostException e) {
            throw refused("--bind: unknown address '" + bind + "'");
        }
        for (String queue : userQueues) {
            if (!queue.matches("[A-Za-z0-9_.:-]{1,200}")) {
                throw refused("--user-queue: '" + queue + "' is not a queue name (letters, digits, _ . : -, at most 200)");
            }
        }
        try {
            BrokerSettings settings = BrokerSettings.defaults();
            String brokerUri = uri != null ? notEmpty("--uri", uri) : blankToNull(env.get(BrokerSettings.ENV_URI));
            String ns = namespace != null ? notEmpty("--namespace", namespace) : blankToNull(env.get(BrokerSettings.ENV_NAMESPACE));
            String ca = tlsCa != null ? tlsCa.toString() : blankToNull(env.get(BrokerSettings.ENV_TLS_CA));
            settings = brokerUri == null ? settings : settings.withUri(brokerUri);
            settings = ns == null ? settings : settings.withNamespace(ns);
            settings = ca == null ? settings : settings.withTlsCaFile(Path.of(ca));
            String type = jobsQueue != null ? notEmpty("--jobs-queue", jobsQueue) : blankToNull(env.get(BrokerSettings.ENV_JOBS_QUEUE));
            settings = type == null ? settings : settings.withJobsQueue(jobsQueueType(type));
            AccessToken access = AccessToken.of(token == null ? null : notEmpty("--token", token), env.get(ENV_TOKEN));
            return new DashboardConfig(settings, access, bind, port, address.isLoopbackAddress(), recentJobs,
                    Duration.ofMinutes(backlogMinutes), List.copyOf(userQueues));
        } catch (IllegalArgumentException e) {
            throw refused(e.getMessage());
        }
    }

    private JobsQueueType jobsQueueType(String value) {
        try {
            return JobsQueueType.parse(value);
        } catch (IllegalArgumentException e) {
            throw refused((jobsQueue != null ? "--jobs-queue" : BrokerSettings.ENV_JOBS_QUEUE) + ": " + e.getMessage());
        }
    }

    private String notEmpty(String option, String value) {
        if (value.isBlank()) {
            throw refused(option + " was given empty");
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private void inRange(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw refused(option + " must be " + min + " to " + max + ", got " + value);
        }
    }

    private ParameterException refused(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
