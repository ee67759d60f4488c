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

/** The tutorial's section 7 on worker JVMs: the lines and their order are the tutorial's. */
@BrokerTest
class QueueExamplesTest {
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
    void queueBasicPrintsFalseTrueThenTheThreeMessages() throws Exception {
        Transcript transcript = run("queue-basic");
        assertEquals(List.of("消息队列是否已满: False", "消息队列是否已满 True", "消息1", "消息2", "消息3"), transcript.lines());
    }

    @Test
    void writeAndReadRunAsProcessesOnWorkersSharingTheQueue() throws Exception {
        Transcript transcript = run("queue-write-read");
        assertEquals(List.of("开始写入值: a", "开始写入值: b", "开始写入值: c", "开始读取", "读取到: a", "读取到: b", "读取到: c"),
                transcript.lines(), transcript.describe());
        assertEquals(7, transcript.fromWorkers().size(), "every line came from a worker");
        for (Transcript.Entry entry : transcript.fromWorkers()) {
            assertNotEquals(ProcessHandle.current().pid(), entry.pid());
            assertTrue(cluster.pids().contains(entry.pid()));
        }
    }

    private static Transcript run(String name) throws Exception {
        Transcript transcript = new Transcript();
        try (Multiprocessing mp = cluster.connect(transcript.sink())) {
            SeedExamples.named(name).orElseThrow().run(mp, transcript.parent());
        }
        return transcript;
    }
}
