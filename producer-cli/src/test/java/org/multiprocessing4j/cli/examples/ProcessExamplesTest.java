package org.multiprocessing4j.cli.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.support.Cluster;
import org.multiprocessing4j.support.Transcript;
import org.multiprocessing4j.testkit.BrokerTest;
import org.multiprocessing4j.testkit.TestBroker;

/**
 * The tutorial's sections 1-5 on three worker JVMs: each example prints the tutorial's lines in
 * the tutorial's order, the children's lines come from worker processes, and the timings are
 * those of the tutorial's sleeps.
 */
@BrokerTest
class ProcessExamplesTest {
    private static final String CHILD_WITH_ARGS = "子进程运行中,name=林一,age=18,kwargs={'林三': 16}";
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
    void processCreateShowsTheChildsLineAlthoughTheParentNeverJoins() throws Exception {
        Transcript transcript = run("process-create");
        assertEquals(List.of("父进程运行", "子进程将要执行", "子进程运行中"), transcript.lines(), transcript.describe());
        assertFromWorkers(transcript, 1);
    }

    @Test
    void processArgsPassesArgsAndKwargs() throws Exception {
        Transcript transcript = run("process-args");
        assertEquals(List.of("主进程开始运行", "子进程将要执行", CHILD_WITH_ARGS, CHILD_WITH_ARGS, CHILD_WITH_ARGS,
                CHILD_WITH_ARGS, CHILD_WITH_ARGS), transcript.lines(), transcript.describe());
        assertFromWorkers(transcript, 5);
    }

    @Test
    void joinWaitsForTheChild() throws Exception {
        Transcript transcript = run("join");
        assertEquals(List.of("work start", "work end", "主进程结束"), transcript.lines(), transcript.describe());
        List<Transcript.Entry> entries = transcript.entries();
        assertTrue(seconds(transcript, entries.get(1)) - seconds(transcript, entries.get(0)) >= 2.9, transcript.describe());
    }

    @Test
    void joinWithATimeoutReturnsAfterThreeSecondsAndTheChildEndsAtFive() throws Exception {
        Transcript transcript = run("join-timeout");
        System.out.println(transcript.describe());
        assertEquals(List.of("work start", "主进程结束", "work end"), transcript.lines(), transcript.describe());
        List<Transcript.Entry> entries = transcript.entries();
        double parentEnd = seconds(transcript, entries.get(1));
        double childEnd = seconds(transcript, entries.get(2));
        assertTrue(parentEnd >= 3.0, "join(3) waited 3 s: " + transcript.describe());
        assertTrue(childEnd - seconds(transcript, entries.get(0)) >= 4.9, "the child slept 5 s: " + transcript.describe());
        assertTrue(parentEnd < childEnd);
    }

    @Test
    void processAttributesShowAWorkersPidAndFalseAfterJoin() throws Exception {
        Transcript transcript = run("process-attributes");
        List<String> lines = transcript.lines();
        assertEquals(7, lines.size(), transcript.describe());
        for (String line : lines.subList(0, 5)) {
            assertTrue(line.matches("当前时间为：[A-Z][a-z]{2} [A-Z][a-z]{2} [ 123]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}"), line);
        }
        Matcher pidLine = Pattern.compile("pidname=Process-1,pid=(\\d+)").matcher(lines.get(5));
        assertTrue(pidLine.matches(), lines.get(5));
        long pid = Long.parseLong(pidLine.group(1));
        assertNotEquals(ProcessHandle.current().pid(), pid);
        assertTrue(cluster.pids().contains(pid), "the pid of a worker process: " + pid);
        assertEquals("进程是否运行:False", lines.get(6));
    }

    @Test
    void multipleProcessesRunTogetherAndEndShortestFirst() throws Exception {
        Transcript transcript = run("multiple-processes");
        System.out.println(transcript.describe());
        List<String> lines = transcript.lines();
        assertEquals(7, lines.size(), transcript.describe());
        assertEquals(List.of("work1 start", "work2 start", "work3 start"), sorted(lines.subList(0, 3)), "three starts first");
        assertEquals(List.of("work3 end", "work2 end", "work1 end", "主进程结束"), lines.subList(3, 7));
        double total = seconds(transcript, transcript.entries().get(6));
        assertTrue(total >= 4.0, "the longest child sleeps 4 s");
        System.out.printf("multiple-processes: %.1f s (the tutorial's three run at once: about 4 s)%n", total);
    }

    @Test
    void aProcessSubclassPrintsItsStartAndEndTwoSecondsApart() throws Exception {
        Transcript transcript = run("process-subclass");
        List<String> lines = transcript.lines();
        assertEquals(3, lines.size(), transcript.describe());
        double begin = Double.parseDouble(lines.get(0).replace("子进程开始执行的时间:", ""));
        double end = Double.parseDouble(lines.get(1).replace("子进程结束的时间:", ""));
        assertTrue(end - begin >= 2.0 && end - begin < 3.0, lines.toString());
        assertEquals("主进程结束", lines.get(2));
        assertFromWorkers(transcript, 2);
    }

    private static Transcript run(String name) throws Exception {
        Transcript transcript = new Transcript();
        Example example = SeedExamples.named(name).orElseThrow();
        try (Multiprocessing mp = cluster.connect(transcript.sink())) {
            example.run(mp, transcript.parent());
        }
        return transcript;
    }

    private static void assertFromWorkers(Transcript transcript, int expected) {
        assertEquals(expected, transcript.fromWorkers().size(), transcript.describe());
        transcript.fromWorkers().forEach(entry -> assertTrue(cluster.pids().contains(entry.pid()), entry.toString()));
    }

    private static double seconds(Transcript transcript, Transcript.Entry entry) {
        return transcript.secondsAt(entry);
    }

    private static List<String> sorted(List<String> lines) {
        List<String> copy = new java.util.ArrayList<>(lines);
        Collections.sort(copy);
        return copy;
    }
}
