package org.multiprocessing4j.testkit;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A program started as a separate OS process (a worker or producer JVM with this classpath, a
 * shipped jar, or a script), with its own pid, that a test can SIGTERM or kill -9. Its output is collected line by
 * line. Every process still alive when the test JVM exits is killed.
 */
public final class ChildProcess implements AutoCloseable {
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly), "kill-test-jvms"));
    }

    private final String name;
    private final Process process;
    private final List<String> stdout = new CopyOnWriteArrayList<>();
    private final List<String> stderr = new CopyOnWriteArrayList<>();
    private final List<Thread> pumps = new CopyOnWriteArrayList<>();

    private ChildProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        LIVE.add(process);
        pumps.add(pump(process.getInputStream(), stdout, name + "-out"));
        pumps.add(pump(process.getErrorStream(), stderr, name + "-err"));
    }

    /**
     * A build started in the background by a non-interactive shell ({@code mvn verify &}, nohup)
     * inherits SIGINT ignored, and a JVM that starts with SIGINT ignored never runs its shutdown
     * hooks on Ctrl-C: the tests that send SIGINT then saw producers that never exited. The JVMs
     * started here get SIGINT back as a terminal gives it (coreutils' env, where it can).
     */
    private static final List<String> SIGINT_AS_IN_A_TERMINAL = envResetsSigint()
            ? List.of("env", "--default-signal=INT") : List.of();

    private static boolean envResetsSigint() {
        try {
            Process probe = new ProcessBuilder("env", "--default-signal=INT", "true").redirectErrorStream(true).start();
            probe.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return probe.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public static ChildProcess start(String name, String mainClass, List<String> args, Map<String, String> env) {
        return start(name, List.of(), mainClass, args, env);
    }

    /**
     * A test JVM: small heap, quick start (C1 only); for functional tests, not for measuring.
     *
     * @param jvmArgs extra JVM options, e.g. {@code -Dorg.slf4j.simpleLogger.defaultLogLevel=info}
     */
    public static ChildProcess start(String name, List<String> jvmArgs, String mainClass, List<String> args,
                                   Map<String, String> env) {
        List<String> options = new ArrayList<>(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        options.addAll(jvmArgs);
        return startJvm(name, options, mainClass, args, env);
    }

    /** A JVM with exactly these options (and this classpath): for benchmarks. */
    public static ChildProcess startJvm(String name, List<String> jvmArgs, String mainClass, List<String> args,
                                        Map<String, String> env) {
        List<String> command = new ArrayList<>(SIGINT_AS_IN_A_TERMINAL);
        command.add(javaExecutable());
        command.add("-Dfile.encoding=UTF-8");
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        return launch(name, command, env);
    }

    /** Runs a shipped runnable jar, the way scripts/worker does. */
    public static ChildProcess startJar(String name, Path jar, List<String> args, Map<String, String> env) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (scripts/build, or mvn verify)");
        }
        List<String> command = new ArrayList<>(SIGINT_AS_IN_A_TERMINAL);
        command.addAll(List.of(javaExecutable(), "-Xmx256m", "-XX:+UseSerialGC",
                "-Dfile.encoding=UTF-8", "-jar", jar.toString()));
        command.addAll(args);
        return launch(name, command, env);
    }

    /** Any command (a script, for instance), with the same output capture and clean-up. */
    public static ChildProcess launch(String name, List<String> command, Map<String, String> env) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        try {
            return new ChildProcess(name, builder.start());
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs a short command (rabbitmqctl, openssl) to its end, killing it if it outlasts the
     * timeout: a tool that hangs fails the test instead of holding the build.
     */
    public static Finished run(List<String> command, Map<String, String> env, Duration timeout) {
        try (ChildProcess child = launch(command.get(0), command, env)) {
            Integer exit = child.awaitExit(timeout);
            if (exit == null) {
                child.kill9();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within "
                        + timeout.toSeconds() + " s:\n" + child.describe());
            }
            List<String> output = new ArrayList<>(child.stdout());
            output.addAll(child.stderr());
            return new Finished(exit, output);
        }
    }

    /** How a command run by {@link #run} ended: its exit code and its lines, stdout then stderr. */
    public record Finished(int exit, List<String> output) {
        public String text() {
            return String.join("\n", output);
        }
    }

    public static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse(
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public List<String> stdout() {
        return List.copyOf(stdout);
    }

    public List<String> stderr() {
        return List.copyOf(stderr);
    }

    /** Writes a line to the process's standard input (a command for a program that reads them). */
    public void send(String line) {
        try {
            OutputStream stdin = process.getOutputStream();
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw new IllegalStateException("could not write to " + name + ": " + e.getMessage(), e);
        }
    }

    /** Waits until a line of stdout or stderr matches; false if the process ended or time ran out first. */
    public boolean awaitLine(Predicate<String> matcher, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (stdout.stream().anyMatch(matcher) || stderr.stream().anyMatch(matcher)) {
                return true;
            }
            if (!process.isAlive()) {
                sleep(100); // let the pumps drain the last lines
                return stdout.stream().anyMatch(matcher) || stderr.stream().anyMatch(matcher);
            }
            sleep(20);
        }
        return false;
    }

    /**
     * SIGTERM, what docker compose and systemd send. Through the process handle: Process.destroy()
     * would also close our ends of its pipes, and lose what it prints while it shuts down.
     */
    public void sigterm() {
        process.toHandle().destroy();
    }

    /** SIGKILL: no shutdown hook runs, nothing is handed back by the process itself. */
    public void kill9() {
        process.toHandle().destroyForcibly();
    }

    /** True while the process runs: a zombie (dead, not yet reaped by its parent) counts as stopped. */
    public static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false; // gone
        }
    }

    /** Waits for the exit code, or returns null if still running after the timeout. */
    public Integer awaitExit(Duration timeout) {
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LIVE.remove(process);
                for (Thread pump : pumps) {
                    pump.join(5_000); // until its last line is read (EOF)
                }
                return process.exitValue();
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Output so far, for assertion messages. */
    public String describe() {
        return name + " (pid " + pid() + ")\n--- stdout ---\n" + String.join("\n", stdout)
                + "\n--- stderr ---\n" + String.join("\n", stderr);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        LIVE.remove(process);
    }

    private static Thread pump(InputStream stream, List<String> sink, String threadName) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    sink.add(line);
                }
            } catch (IOException ignored) {
                // process gone
            }
        }, threadName);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
