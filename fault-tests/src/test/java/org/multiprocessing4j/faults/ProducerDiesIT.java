package org.multiprocessing4j.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.OutputSink;
import org.multiprocessing4j.WorkerStatus;
import org.multiprocessing4j.testkit.BrokerTest;
import org.multiprocessing4j.testkit.ChildProcess;
import org.multiprocessing4j.testkit.TestBroker;

/**
 * Scenario 7: the producer dies (kill -9) before its results arrive. Its tasks still complete; its
 * reply queue, results and all, goes away after its expiry instead of piling up.
 */
@BrokerTest
class ProducerDiesIT {

    /** A producer that submits tasks and is then killed: run as its own JVM. */
    public static final class DoomedProducer {
        public static void main(String[] args) throws Exception {
            Multiprocessing mp = Multiprocessing.builder().settings(org.multiprocessing4j.connection.BrokerSettings
                            .defaults().withUri(args[0]).withNamespace(args[1]))
                    .replyQueueExpiry(Duration.ofSeconds(15)).output(OutputSink.discard()).connect();
            for (int i = 0; i < 20; i++) {
                mp.pool().applyAsync("sleep", 0.5, i);
            }
            Thread.sleep(500);
            System.out.println("submitted");
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    @Test
    void tasksOfADeadProducerCompleteAndItsReplyQueueExpires(TestBroker broker) throws Exception {
        try (Cluster cluster = new Cluster(broker.namespace());
             Multiprocessing observer = Cluster.connect(broker.uri(), broker.namespace(), OutputSink.discard())) {
            cluster.start("w1", broker.uri(), 4);
            List<String> observersQueues = replyQueues(broker);
            ChildProcess producer = ChildProcess.start("doomed", List.of(), DoomedProducer.class.getName(),
                    List.of(broker.uri(), broker.namespace()), Map.of());
            assertTrue(producer.awaitLine("submitted"::equals, Duration.ofSeconds(30)), producer.describe());
            producer.kill9();
            long killed = System.nanoTime();

            long completed = 0;
            for (int i = 0; i < 100 && completed < 20; i++) {
                completed = observer.workers(Duration.ofMillis(300)).stream().mapToLong(WorkerStatus::completed).sum();
            }
            double completedAfter = (System.nanoTime() - killed) / 1e9;
            List<String> replyQueues = replyQueues(broker).stream().filter(q -> !observersQueues.contains(q)).toList();
            assertEquals(1, replyQueues.size(), "the dead producer's reply queue holds its results for now: " + replyQueues);
            int waitingResults = broker.messageCount(replyQueues.get(0));

            boolean gone = false;
            for (int i = 0; i < 120 && !gone; i++) {
                Thread.sleep(500);
                gone = !replyQueues(broker).contains(replyQueues.get(0));
            }
            double goneAfter = (System.nanoTime() - killed) / 1e9;
            System.out.printf("[producer dies] 20 tasks completed %.1f s after the kill; its reply queue held %d "
                    + "messages and expired %.1f s after the kill (expiry 15 s after its consumer went)%n",
                    completedAfter, waitingResults, goneAfter);
            assertEquals(20, completed, "every task of the dead producer ran");
            assertTrue(waitingResults >= 20, "its results (and start notices) waited in the reply queue");
            assertTrue(gone, "the reply queue expired");
            assertFalse(producer.isAlive());
        }
    }

    private static List<String> replyQueues(TestBroker broker) {
        return broker.queues().stream().filter(q -> q.contains(".reply.")).toList();
    }
}
