package org.multiprocessing4j.cli.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
 * The Python documentation's Pipe and JoinableQueue examples on worker JVMs, against what CPython
 * printed for the same programs: {@code src/test/resources/cpython/*.py}, run with
 * {@code python3 pipe.py > pipe.out} (CPython 3.11.7, Linux, start method fork).
 */
@BrokerTest
class DocsQueueExamplesTest {
    private static Cluster cluster;

    @BeforeAll
    static void start(TestBroker broker) {
        cluster = new Cluster(broker).start(2, 1);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void pipePrintsWhatCPythonPrints() throws Exception {
        Transcript transcript = run("pipe");
        System.out.println(transcript.describe());
        assertEquals(cpython("pipe.out"), transcript.lines());
        // The parent prints what the child sent through the pipe: the child ran on a worker.
        assertTrue(transcript.fromWorkers().isEmpty(), "f prints nothing itself");
    }

    @Test
    void joinableQueuePrintsWhatCPythonPrintsFromAWorker() throws Exception {
        Transcript transcript = run("joinable-queue");
        System.out.println(transcript.describe());
        assertEquals(cpython("joinable-queue.out"), transcript.lines());
        List<Transcript.Entry> fromWorkers = transcript.fromWorkers();
        assertEquals(60, fromWorkers.size(), transcript.describe());
        for (Transcript.Entry entry : fromWorkers) {
            assertNotEquals(ProcessHandle.current().pid(), entry.pid());
            assertTrue(cluster.pids().contains(entry.pid()), entry + " came from one of " + cluster.pids());
        }
    }

    private static Transcript run(String name) throws Exception {
        Transcript transcript = new Transcript();
        Example example = SeedExamples.named(name).orElseThrow();
        try (Multiprocessing mp = cluster.connect(transcript.sink())) {
            example.run(mp, transcript.parent());
        }
        return transcript;
    }

    private static List<String> cpython(String file) throws IOException {
        try (InputStream in = DocsQueueExamplesTest.class.getResourceAsStream("/cpython/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
