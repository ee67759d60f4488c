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
 * The Python documentation's Lock and Value/Array examples on worker JVMs, checked against what
 * CPython printed for the same programs (test resources cpython/, see its README).
 */
@BrokerTest
class SyncExamplesTest {
    private static Cluster cluster;

    @BeforeAll
    static void start(TestBroker broker) {
        cluster = new Cluster(broker).start(2, 3);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void theLockExamplePrintsCPythonsTenHelloWorldLinesFromTheWorkers() throws Exception {
        Transcript transcript = run("lock");
        List<String> cpython = cpython("lock_example.out");
        assertEquals(sorted(cpython), sorted(transcript.lines()), "the same lines as CPython, in any order as there: "
                + transcript.describe());
        assertEquals(10, transcript.fromWorkers().size(), "every line came from a worker");
        for (Transcript.Entry entry : transcript.fromWorkers()) {
            assertNotEquals(ProcessHandle.current().pid(), entry.pid());
            assertTrue(cluster.pids().contains(entry.pid()));
        }
    }

    @Test
    void theValueAndArrayExamplePrintsWhatCPythonPrints() throws Exception {
        Transcript transcript = run("value-array");
        assertEquals(cpython("value_array_example.out"), transcript.lines(), transcript.describe());
    }

    private static Transcript run(String name) throws Exception {
        Transcript transcript = new Transcript();
        try (Multiprocessing mp = cluster.connect(transcript.sink())) {
            SeedExamples.named(name).orElseThrow().run(mp, transcript.parent());
            transcript.parent().flush();
        }
        return transcript;
    }

    private static List<String> cpython(String file) throws IOException {
        try (InputStream in = SyncExamplesTest.class.getResourceAsStream("/cpython/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private static List<String> sorted(List<String> lines) {
        return lines.stream().sorted().toList();
    }
}
