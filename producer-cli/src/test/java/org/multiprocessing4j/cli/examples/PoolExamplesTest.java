package org.multiprocessing4j.cli.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.support.Cluster;
import org.multiprocessing4j.support.Transcript;
import org.multiprocessing4j.testkit.BrokerTest;
import org.multiprocessing4j.testkit.TestBroker;

/**
 * The tutorial's section 6 on three worker JVMs (one task each at a time): the lines are the
 * tutorial's, printed by the workers, in an order only a pool of three can produce.
 */
@BrokerTest
class PoolExamplesTest {
    private static Cluster cluster;

    @BeforeAll
    static void start(TestBroker broker) {
        cluster = new Cluster(broker).start(3, 1);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void applyAsyncStartsThreeThenOneMoreAfterEachEnd() throws Exception {
        Transcript transcript = run("pool-apply-async");
        List<String> lines = transcript.lines();
        System.out.println(transcript.describe());

        assertEquals(11, lines.size(), transcript.describe());
        assertEquals("主程序执行完成", lines.get(10));
        List<String> taskLines = lines.subList(0, 10);
        for (int i = 0; i < 5; i++) {
            assertEquals(1, count(taskLines, "start: hello " + i), transcript.describe());
            assertEquals(1, count(taskLines, "end: hello " + i), transcript.describe());
            assertTrue(taskLines.indexOf("start: hello " + i) < taskLines.indexOf("end: hello " + i));
        }
        assertTrue(taskLines.subList(0, 3).stream().allMatch(l -> l.startsWith("start:")), "three starts first");
        int ends = 0;
        int starts = 0;
        for (String line : taskLines) {
            if (line.startsWith("start:")) {
                starts++;
                assertTrue(starts - ends <= 3, "never more than three running:\n" + transcript.describe());
                if (starts > 3) {
                    assertTrue(ends >= starts - 3, "a later start only after an end:\n" + transcript.describe());
                }
            } else {
                ends++;
            }
        }
        assertLinesCameFromWorkers(transcript);
    }

    @Test
    void applyAlternatesStartAndEndStrictlyInOrder() throws Exception {
        Transcript transcript = run("pool-apply");
        System.out.println(transcript.describe());
        List<String> expected = List.of("start: hello 0", "end: hello 0", "start: hello 1", "end: hello 1",
                "start: hello 2", "end: hello 2", "start: hello 3", "end: hello 3", "start: hello 4", "end: hello 4",
                "主程序执行完成");
        assertEquals(expected, transcript.lines());
        assertLinesCameFromWorkers(transcript);
    }

    private static Transcript run(String name) throws Exception {
        Transcript transcript = new Transcript();
        Example example = SeedExamples.named(name).orElseThrow();
        try (Multiprocessing mp = cluster.connect(transcript.sink())) {
            example.run(mp, transcript.parent());
        }
        return transcript;
    }

    private static void assertLinesCameFromWorkers(Transcript transcript) {
        List<Transcript.Entry> fromWorkers = transcript.fromWorkers();
        assertEquals(10, fromWorkers.size(), transcript.describe());
        for (Transcript.Entry entry : fromWorkers) {
            assertNotEquals(ProcessHandle.current().pid(), entry.pid());
            assertTrue(cluster.pids().contains(entry.pid()), entry + " came from one of " + cluster.pids());
        }
    }

    private static long count(List<String> lines, String line) {
        return lines.stream().filter(line::equals).count();
    }
}
