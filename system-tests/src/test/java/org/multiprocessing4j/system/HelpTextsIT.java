package org.multiprocessing4j.system;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.multiprocessing4j.cli.ProducerMain;
import org.multiprocessing4j.testkit.ChildProcess;
import picocli.CommandLine;

/**
 * Every {@code --help} prints its usage and nothing on stderr. picocli formats descriptions with
 * String.format, so a stray {@code %} (a URI's {@code %2F}) turns into a "[picocli WARN]" line above
 * every usage; this is where that would show. The shipped jars' own --help runs as users run it; the
 * other commands' help runs in this JVM (one JVM per command took 2.5 minutes of CI).
 */
class HelpTextsIT {

    @Test
    void theShippedJarsPrintTheirHelpWithoutWarnings() {
        assertAll(
                () -> assertCleanHelp(ChildProcess.startJar("worker", Shipped.WORKER_JAR, List.of("--help"), Map.of())),
                () -> assertCleanHelp(ChildProcess.startJar("producer", Shipped.PRODUCER_JAR, List.of("--help"), Map.of())));
    }

    @Test
    void everyCommandPrintsItsHelpWithoutWarnings() {
        // picocli's warnings go to the System.err it finds when it is first used: capture that first.
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            List<List<String>> commands = new ArrayList<>();
            forEachCommand(ProducerMain.commandLine(), new ArrayList<>(), commands::add);
            List<Executable> checks = new ArrayList<>();
            for (List<String> command : commands) {
                checks.add(() -> assertCleanHelpInProcess(command));
            }
            assertTrue(commands.size() >= 15, "producer commands found: " + commands);
            assertAll(checks);
        } finally {
            System.setErr(stderr);
        }
        assertEquals("", warnings.toString(StandardCharsets.UTF_8), "nothing on stderr while the help was printed");
    }

    private static void forEachCommand(CommandLine command, List<String> path, Consumer<List<String>> action) {
        action.accept(List.copyOf(path));
        command.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                List<String> subPath = new ArrayList<>(path);
                subPath.add(name);
                forEachCommand(sub, subPath, action);
            }
        });
    }

    private static void assertCleanHelpInProcess(List<String> command) {
        List<String> args = new ArrayList<>(command);
        args.add("--help");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine producer = ProducerMain.commandLine(Map.of());
        producer.setOut(new PrintWriter(out, true));
        producer.setErr(new PrintWriter(err, true));
        int exit = producer.execute(args.toArray(String[]::new));
        String described = "producer " + String.join(" ", args) + "\n--- out ---\n" + out + "--- err ---\n" + err;
        assertEquals(0, exit, described);
        assertTrue(out.toString().startsWith("Usage: "), described);
        assertEquals("", err.toString(), described);
    }

    private static void assertCleanHelp(ChildProcess help) {
        assertEquals(0, help.awaitExit(Duration.ofSeconds(30)), help.describe());
        assertTrue(help.stdout().stream().anyMatch(line -> line.startsWith("Usage: ")), help.describe());
        assertEquals(List.of(), help.stderr(), help.describe());
    }
}
