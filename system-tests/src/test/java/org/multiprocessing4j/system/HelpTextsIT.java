package org.multiprocessing4j.system;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Every {@code --help} of the shipped jars prints its usage and nothing on stderr. picocli formats
 * descriptions with String.format, so a stray {@code %} (a URI's {@code %2F}) turns into a
 * "[picocli WARN]" line above every usage; this is where that would show.
 */
class HelpTextsIT {

    @Test
    void everyCommandPrintsItsHelpWithoutWarnings() {
        List<List<String>> commands = new ArrayList<>();
        forEachCommand(ProducerMain.commandLine(), new ArrayList<>(), commands::add);
        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertCleanHelp(ChildProcess.startJar("worker", Shipped.WORKER_JAR, List.of("--help"), Map.of())));
        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            checks.add(() -> assertCleanHelp(ChildProcess.startJar("producer " + command, Shipped.PRODUCER_JAR, args, Map.of())));
        }
        assertTrue(commands.size() >= 15, "producer commands found: " + commands);
        assertAll(checks);
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

    private static void assertCleanHelp(ChildProcess help) {
        assertEquals(0, help.awaitExit(Duration.ofSeconds(30)), help.describe());
        assertTrue(help.stdout().stream().anyMatch(line -> line.startsWith("Usage: ")), help.describe());
        assertEquals(List.of(), help.stderr(), help.describe());
    }
}
