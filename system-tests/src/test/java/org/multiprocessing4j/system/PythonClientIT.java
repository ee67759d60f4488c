package org.multiprocessing4j.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.testkit.BrokerTest;
import org.multiprocessing4j.testkit.ChildProcess;
import org.multiprocessing4j.testkit.TestBroker;

/**
 * docs/PROTOCOL.md is enough to write a client in another language: clients/python/mp4j_client.py,
 * written from that page and the golden samples alone, runs its tour against a worker started
 * from the shipped jar. Its calls, output lines (printed by that worker's pid), errors and queue
 * items must come back as the page says.
 */
@BrokerTest
class PythonClientIT {
    private static final Path CLIENT = Shipped.ROOT.resolve("clients/python/mp4j_client.py");
    private static final Pattern OUTPUT = Pattern.compile("output: \\[pyworker pid (\\d+)] (.*)");
    private static final String INSTALL = "PythonClientIT needs python3 with the pika library. On Debian or Ubuntu, "
            + "as root: apt-get update && apt-get install -y python3-pika (elsewhere: pip install pika). "
            + ".ci/run installs it when it is missing.";

    @Test
    void aClientWrittenFromTheProtocolPageAloneRunsTasksAndUsesQueues(TestBroker broker) {
        String python = pythonWithPika();
        try (ShippedWorkers workers = new ShippedWorkers(broker)) {
            long workerPid = workers.start("pyworker", 2).pid();
            ChildProcess.Finished run = ChildProcess.run(List.of(python, CLIENT.toString()), Map.of(
                    "AMQP_URI", broker.uri(), "MP4J_NAMESPACE", broker.namespace(), "PYTHONIOENCODING", "utf-8"),
                    Duration.ofMinutes(2));
            System.out.println(run.text());
            assertEquals(0, run.exit(), run.text());
            List<String> out = run.output();

            assertTrue(out.stream().anyMatch(line -> line.startsWith("worker: pyworker host ")
                    && line.contains(" pid " + workerPid + " concurrency 2 tasks ") && line.contains(",square,")),
                    "the ping found the worker:\n" + run.text());
            List<String> printed = new ArrayList<>();
            for (String line : out) {
                Matcher output = OUTPUT.matcher(line);
                if (output.matches()) {
                    assertEquals(workerPid, Long.parseLong(output.group(1)), "printed by the worker: " + line);
                    printed.add(output.group(2));
                }
            }
            assertEquals(List.of("start: hello", "end: hello", "开始写入值: a", "开始写入值: b", "开始写入值: c"), printed);
            for (String expected : List.of(
                    "started: func on pyworker pid " + workerPid,
                    "result: square(7) = 49",
                    "result: func('hello') = null",
                    "result: square(2.5) = 6.25",
                    "result: chunk of square [1, 2, 3] = [1, 4, 9]",
                    "error: fail raised java.lang.IllegalStateException: boom",
                    "queue: got {\"msg\": \"消息1\", \"n\": [1, 2.5, null, true]}",
                    "queue: from worker a b c",
                    "done")) {
                assertTrue(out.contains(expected), "missing '" + expected + "' in:\n" + run.text());
            }
            assertTrue(out.stream().anyMatch(line -> line.startsWith("error: no_such_task raised "
                    + "org.multiprocessing4j.errors.UnknownTaskException: no task named 'no_such_task'")), run.text());
            assertTrue(out.stream().anyMatch(line -> line.matches("queue: queue 'py-[0-9a-f]{8}' is full \\(maxsize 1\\)")),
                    "a full queue answered basic.nack:\n" + run.text());
        }
        List<String> left = broker.queues().stream()
                .filter(q -> q.startsWith(broker.namespace() + ".queue.") || q.startsWith(broker.namespace() + ".reply."))
                .toList();
        assertEquals(List.of(), left, "the client removes its queues and its reply queue");
    }

    /** Debian's python3-pika installs for /usr/bin/python3, which may not be the python3 on PATH. */
    private static String pythonWithPika() {
        List<String> tried = new ArrayList<>();
        for (String python : List.of("python3", "/usr/bin/python3")) {
            try {
                ChildProcess.Finished probe = ChildProcess.run(List.of(python, "-c", "import pika"), Map.of(),
                        Duration.ofSeconds(30));
                if (probe.exit() == 0) {
                    return python;
                }
                tried.add(python + ": " + probe.text().lines().reduce((a, b) -> b).orElse("exit " + probe.exit()));
            } catch (IllegalStateException notInstalled) {
                tried.add(python + ": not found");
            }
        }
        return fail(INSTALL + " Tried " + String.join("; ", tried));
    }
}
