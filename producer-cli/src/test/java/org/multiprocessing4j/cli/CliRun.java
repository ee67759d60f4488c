package org.multiprocessing4j.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Runs the producer command line in this JVM and keeps what it printed. */
public record CliRun(int exitCode, String out, String err, long millis) {

    public static CliRun run(String... args) {
        return withEnv(Map.of(), args);
    }

    /** With these environment variables instead of the test JVM's (none of AMQP_URI, MP4J_NAMESPACE... leaks in). */
    public static CliRun withEnv(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = ProducerMain.commandLine(env);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        long started = System.nanoTime();
        int code = commandLine.execute(args);
        return new CliRun(code, out.toString(), err.toString(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Adds the broker options of a test namespace in front of the command. */
    public static CliRun inNamespace(String uri, String namespace, String... command) {
        List<String> args = new ArrayList<>(List.of("--uri", uri, "--namespace", namespace));
        args.addAll(List.of(command));
        return run(args.toArray(String[]::new));
    }

    public List<String> outLines() {
        return out.isEmpty() ? List.of() : List.of(out.split("\\R"));
    }

    @Override
    public String toString() {
        return "exit " + exitCode + " after " + millis + " ms\n--- out ---\n" + out + "--- err ---\n" + err;
    }
}
