package org.multiprocessing4j.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.testkit.BrokerTest;
import org.multiprocessing4j.testkit.ChildProcess;
import org.multiprocessing4j.testkit.TestBroker;
import org.multiprocessing4j.testkit.Workers;

/**
 * A user's project (examples/typed-tasks) as a user runs it: its tasks on a worker started from the
 * shipped jar with the project's jar on MP4J_TASKS_CLASSPATH, its program on the module path with
 * its own dependencies only (the producer library and what it brings: no CLI framework, no logging
 * binding). Typed calls come back typed; a value that does not fit is refused naming the parameter.
 */
@BrokerTest
class TypedTasksExampleIT {
    private static final Path EXAMPLE = Shipped.ROOT.resolve("examples/typed-tasks/target");
    private static final Pattern WORKER_LINE = Pattern.compile("\\[worker pid (\\d+)] (.*)");

    @Test
    void aUserProjectDependingOnTheLibraryAloneGetsTypedResultsFromAWorker(TestBroker broker) throws IOException {
        List<String> libs = libraries();
        assertTrue(libs.stream().anyMatch(jar -> jar.startsWith("multiprocessing4j-producer-")), libs.toString());
        assertTrue(libs.stream().noneMatch(jar -> jar.startsWith("picocli") || jar.startsWith("slf4j-simple")
                || jar.startsWith("logback")), "the library brings no CLI framework and no logging binding: " + libs);

        Map<String, String> env = Map.of("AMQP_URI", broker.uri(), "MP4J_NAMESPACE", broker.namespace());
        // scripts/worker's command, with the project's jar as MP4J_TASKS_CLASSPATH
        ChildProcess worker = ChildProcess.launch("shapes-worker", List.of(ChildProcess.javaExecutable(), "-Xmx256m",
                "-cp", Shipped.WORKER_JAR + File.pathSeparator + EXAMPLE.resolve("typed-tasks.jar"),
                "org.multiprocessing4j.worker.WorkerMain", "--name", "shapes-worker", "--concurrency", "2"), env);
        try {
            Workers.awaitReady(worker);
            ChildProcess.Finished program = ChildProcess.run(List.of(ChildProcess.javaExecutable(),
                    "--module-path", EXAMPLE.resolve("typed-tasks.jar") + File.pathSeparator + EXAMPLE.resolve("lib"),
                    "-m", "org.example.shapes/org.example.shapes.ShapesMain"), env, Duration.ofMinutes(2));
            System.out.println(program.text());
            assertEquals(0, program.exit(), program.text());
            List<String> out = program.output();
            for (String expected : List.of(
                    "length 5.0",
                    "scaled [Point[x=2.0, y=4.0], Point[x=-2.0, y=1.0]]",
                    "lengths [1.0, 5.0]",
                    "refused org.multiprocessing4j.errors.BadArgumentsException: "
                            + "shapes.length() argument 'segment' must be Segment, got str")) {
                assertTrue(out.contains(expected), "missing '" + expected + "' in:\n" + program.text());
            }
            long programPid = out.stream().filter(l -> l.startsWith("program pid ")).findFirst()
                    .map(l -> Long.parseLong(l.substring("program pid ".length()))).orElseThrow();
            List<String> printed = new ArrayList<>();
            for (String line : out) {
                Matcher m = WORKER_LINE.matcher(line);
                if (m.matches()) {
                    assertEquals(worker.pid(), Long.parseLong(m.group(1)), line);
                    assertNotEquals(programPid, Long.parseLong(m.group(1)), line);
                    printed.add(m.group(2));
                }
            }
            assertTrue(printed.contains("measuring Segment[from=Point[x=0.0, y=0.0], to=Point[x=3.0, y=4.0]]"), printed.toString());
            assertTrue(printed.contains("scaled 2 points by 2.0"), printed.toString());
        } finally {
            Workers.stopAll(List.of(worker), Duration.ofSeconds(20));
        }
    }

    private static List<String> libraries() throws IOException {
        try (Stream<Path> jars = Files.list(EXAMPLE.resolve("lib"))) {
            return jars.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
