package org.multiprocessing4j.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.multiprocessing4j.testkit.BrokerTest;
import org.multiprocessing4j.testkit.ChildProcess;
import org.multiprocessing4j.testkit.TestBroker;

/** scripts/demo, as a user on a fresh clone runs it: what docker compose up does, without Docker. */
@BrokerTest
@Timeout(value = 7, unit = TimeUnit.MINUTES) // its own wait is bounded below that; the default is 3 min
class DemoScriptIT {
    private static final Pattern READY = Pattern.compile("worker-\\d+: pid (\\d+), ready.*");
    private static final Pattern TASK_LINE = Pattern.compile("\\[worker-\\d+ pid (\\d+)] (.*)");

    @Test
    void theDemoRunsEveryExampleOnItsWorkersAndLeavesNoProcessBehind(TestBroker broker, @TempDir Path runDir)
            throws Exception {
        ChildProcess demo = ChildProcess.launch("demo", List.of(Shipped.script("demo").toString()), Map.of(
                "AMQP_URI", broker.uri(), "MP4J_NAMESPACE", broker.namespace(), "MP4J_RUN_DIR", runDir.toString(),
                "WORKERS", "3"));
        Integer exit = demo.awaitExit(Duration.ofMinutes(4));
        List<String> out = demo.stdout();
        System.out.println(String.join("\n", out));
        assertEquals(0, exit, demo.describe());

        Set<Long> workerPids = new HashSet<>();
        for (String line : out) {
            Matcher ready = READY.matcher(line);
            if (ready.matches()) {
                workerPids.add(Long.parseLong(ready.group(1)));
            }
        }
        assertEquals(3, workerPids.size(), "three workers started: " + demo.describe());

        int taskLines = 0;
        for (String line : out) {
            Matcher task = TASK_LINE.matcher(line);
            if (task.matches()) {
                taskLines++;
                assertTrue(workerPids.contains(Long.parseLong(task.group(1))), "printed by a demo worker: " + line);
            }
        }
        for (String expected : List.of("=== process-create (§1 Process()创建子进程) ===", "父进程运行",
                "=== pool-apply-async (§6 apply_async()进程池的使用（非阻塞）) ===", "主程序执行完成",
                "消息队列是否已满: False", "消息队列是否已满 True", "消息3")) {
            assertTrue(out.contains(expected), "missing '" + expected + "'");
        }
        assertTrue(out.stream().anyMatch(line -> line.endsWith("] 读取到: c")), "queue-write-read ran on a worker");
        assertEquals(2, out.stream().filter("主程序执行完成"::equals).count());
        System.out.println("task lines from the demo's workers: " + taskLines + ", workers " + workerPids);

        for (long pid : workerPids) {
            assertFalse(ChildProcess.running(pid), "worker " + pid + " still runs");
        }
        try (var files = Files.list(runDir.resolve("demo/workers"))) { // the demo keeps its own pid files
            assertTrue(files.noneMatch(file -> file.toString().endsWith(".pid")), "pid files removed");
        }
    }
}
