package org.multiprocessing4j.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scripts/bench}: this project against plain amqp-client request/reply and against its
 * peers (Celery 5, CPython's local Pool), in one run, on the same broker. Each {@link Phase}
 * alternates rounds of both sides so they see the same machine noise; the report gives medians,
 * the medians of per-round ratios with their spread, and every target met or missed.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "End-to-end benchmark against a plain amqp-client baseline, Celery 5 and CPython's Pool.")
public final class Bench implements Callable<Integer> {
    @Option(names = "--uri", defaultValue = "${env:AMQP_URI:-amqp://guest:guest@localhost:5672/%2F}",
            description = "Broker URI (default: env AMQP_URI, else localhost).")
    String uri;

    @Option(names = "--only", split = ",", paramLabel = "PHASE", description = "Run only these phases (ids: see --list).")
    List<String> only = new ArrayList<>();

    @Option(names = "--skip", split = ",", paramLabel = "PHASE", description = "Leave these phases out.")
    List<String> skip = new ArrayList<>();

    @Option(names = "--list", description = "Print the phase ids and exit.")
    boolean list;

    @Option(names = "--quick", description = "Small rounds (2 rounds, 2,000 calls, 100,000 waiting...): minutes, noisier.")
    boolean quick;

    @Option(names = "--rounds", defaultValue = "3", description = "Rounds per measurement; the report shows medians.")
    int rounds;

    @Option(names = "--tasks", defaultValue = "10000", description = "Calls per throughput round.")
    int tasks;

    @Option(names = "--sequential", defaultValue = "2000", description = "Calls per latency round (one at a time).")
    int sequential;

    @Option(names = "--waiting", defaultValue = "1000000", description = "Queue depth for the worker memory check.")
    int waiting;

    @Option(names = "--in-flight", defaultValue = "100000", description = "Results in flight for the producer memory check.")
    int inFlight;

    @Option(names = "--workers", defaultValue = "1,2,4", split = ",", description = "Worker counts for throughput.")
    List<Integer> workers;

    @Option(names = "--python", defaultValue = "${env:BENCH_PYTHON:-/usr/bin/python3}",
            description = "Python for the peers (Debian's, with python3-celery).")
    String python;

    /**
     * The JVM's default collector (G1 on these machines), as scripts/worker and scripts/producer run:
     * ParallelGC copied every live 1 MB string through the survivor spaces, G1 keeps such humongous
     * objects in place, and the bench should measure what users run.
     */
    @Option(names = "--jvm", defaultValue = "-Xmx512m", split = " ", paramLabel = "OPTIONS",
            description = "Options of every JVM started (space-separated; default: ${DEFAULT-VALUE}).")
    List<String> jvmOptions;

    @Option(names = "--profile", paramLabel = "DIR", description = "Record JFR in every JVM started (DIR/N-role.jfr).")
    Path profile;

    @Option(names = "--out", defaultValue = "bench-results", description = "Directory for the report.")
    Path out;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Bench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (list) {
            Phases.ids().forEach(System.out::println);
            return 0;
        }
        List<Phase> phases;
        try {
            phases = Phases.select(only, skip);
            check(rounds > 0 && tasks > 0 && sequential > 0 && waiting > 0 && inFlight > 0 && !workers.isEmpty(),
                    "--rounds, --tasks, --sequential, --waiting, --in-flight and --workers must be positive");
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            return 2;
        }
        Settings settings = new Settings(uri, rounds, tasks, sequential, waiting, inFlight, workers, python, jvmOptions,
                profile, false);
        if (quick) {
            settings = settings.quickened();
        }
        if (profile != null) {
            Files.createDirectories(profile);
        }
        Report report = new Report();
        report.header(header(settings, phases));
        Progress progress = new Progress(phases.size());
        List<String> failed = new ArrayList<>();
        AtomicReference<BenchRun> current = new AtomicReference<>();
        // Ctrl-C or SIGTERM mid-phase: stop its processes and delete its namespaces and queues.
        Thread cleanUp = new Thread(() -> Optional.ofNullable(current.get()).ifPresent(BenchRun::close), "bench-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanUp);
        for (Phase phase : phases) {
            progress.step(phase.title(settings));
            try (BenchRun run = new BenchRun(settings, report, progress)) {
                current.set(run);
                phase.run(run);
            } catch (Exception | Error e) {
                // One phase failing (a peer missing, a timeout) must not cost the figures of the others.
                String message = phase.id() + " failed: " + e.getMessage();
                failed.add(phase.id());
                report.note(message.lines().findFirst().orElse(message));
                progress.note(message);
            }
        }
        String text = report.render();
        System.out.println(text);
        Files.createDirectories(out);
        Path file = out.resolve("bench-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md");
        Files.writeString(file, text);
        System.err.printf("report written to %s (%.0f s)%n", file, progress.elapsed());
        return failed.isEmpty() ? 0 : 1;
    }

    private static String header(Settings settings, List<Phase> phases) {
        return Machine.describe(settings.uri()) + String.format("- phases: %s%s; %d rounds per measurement, %,d calls per "
                        + "throughput round, %,d per latency round, %d in flight%n", String.join(", ",
                        phases.stream().map(Phase::id).toList()), settings.quick() ? " (--quick)" : "", settings.rounds(),
                settings.tasks(), settings.sequential(), Settings.IN_FLIGHT)
                + String.format("- JVM options of every role: %s%n", String.join(" ", settings.jvmOptions()))
                + "\nEach round runs both sides back to back; a ratio is the median of the rounds' own ratios, so drift "
                + "in the machine's speed cancels, and min–max is the spread of those per-round ratios. Baseline: plain "
                + "amqp-client request/reply, durable queue, persistent messages, publisher confirms, the reply confirmed "
                + "before the request is acknowledged. Project: Pool.applyAsync / Pool.apply of a no-op task (echo for "
                + "payloads) on worker JVMs, results collected.\n";
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
