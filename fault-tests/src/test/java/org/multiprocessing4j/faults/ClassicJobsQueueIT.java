package org.multiprocessing4j.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.OutputSink;
import org.multiprocessing4j.connection.BrokerSettings;
import org.multiprocessing4j.connection.JobsQueueType;
import org.multiprocessing4j.errors.JobsQueueTypeException;
import org.multiprocessing4j.errors.PoisonTaskException;
import org.multiprocessing4j.internal.amqp.Topology;
import org.multiprocessing4j.testkit.BrokerTest;
import org.multiprocessing4j.testkit.ChildProcess;
import org.multiprocessing4j.testkit.TestBroker;

/**
 * Issue 15: a namespace whose jobs queue is a classic queue. Tasks run as on quorum; the delivery
 * limit, which a classic queue does not keep, is kept by the workers (same verdict as PoisonTaskIT);
 * and a client set to the other type than the existing queue is refused with what to change.
 */
@BrokerTest
class ClassicJobsQueueIT {
    private static final String[] CLASSIC = {"--jobs-queue", "classic"};

    @Test
    void twoHundredTasksRunOnAClassicJobsQueue(TestBroker broker) throws Exception {
        try (Cluster cluster = new Cluster(broker.namespace());
             Multiprocessing mp = connect(broker, broker.namespace(), JobsQueueType.CLASSIC)) {
            cluster.start("c1", broker.uri(), 4, CLASSIC);
            cluster.start("c2", broker.uri(), 4, CLASSIC);
            List<Object> squares = mp.pool().map("square", IntStream.range(0, 200).boxed().toList(), 1);
            assertEquals(200, squares.size());
            for (int i = 0; i < 200; i++) {
                assertEquals((long) i * i, ((Number) squares.get(i)).longValue(), "square " + i);
            }
            assertIsClassic(broker, new Topology(broker.namespace()).jobsQueue());
        }
    }

    @Test
    void aTaskThatKillsItsWorkerIsDeadLetteredAfterFourDeliveriesCountedByTheWorkers(TestBroker broker) throws Exception {
        try (Cluster cluster = new Cluster(broker.namespace());
             Multiprocessing mp = connect(broker, broker.namespace(), JobsQueueType.CLASSIC)) {
            long deadBefore = mp.deadLetters().count();
            RestartingWorker restarting = new RestartingWorker(cluster, broker.uri(), "p", CLASSIC);

            PoisonVerdict verdict = PoisonVerdict.of(mp, restarting);
            PoisonTaskException e = verdict.error();
            double seconds = verdict.seconds();
            int deathsAtVerdict = verdict.deathsAtVerdict();
            System.out.printf("[poison task, classic jobs queue] worker deaths %d (delivery limit %d + 1), caller told after"
                    + " %.1f s: %s; deaths after the verdict: %d%n", deathsAtVerdict, Topology.DELIVERY_LIMIT, seconds,
                    e.getMessage(), verdict.deathsAfter() - deathsAtVerdict);
            assertEquals(Topology.DELIVERY_LIMIT + 1, deathsAtVerdict, "one death per delivery, then no more");
            assertEquals(deathsAtVerdict, verdict.deathsAfter(), "no crash loop");
            assertTrue(e.getMessage().contains("was delivered 4 times"), e.getMessage());
            assertEquals(deadBefore + 1, mp.deadLetters().count());
            org.multiprocessing4j.DeadLetter buried = mp.deadLetters().list(10).get(0);
            assertEquals("poison", buried.reason());
            assertEquals(Topology.DELIVERY_LIMIT + 1, buried.attempts(), "its 4 deliveries, counted by the workers");
        }
    }

    @Test
    void aClientSetToTheOtherTypeThanTheExistingJobsQueueIsToldWhatToChange(TestBroker broker) {
        String namespace = broker.namespace() + ".mismatch";
        try (Multiprocessing quorum = connect(broker, namespace, JobsQueueType.QUORUM)) {
            JobsQueueTypeException e = assertThrows(JobsQueueTypeException.class,
                    () -> connect(broker, namespace, JobsQueueType.CLASSIC).close());
            assertEquals("namespace '" + namespace + "' has quorum jobs queues (" + namespace + ".jobs.default.high is one),"
                    + " but this client was set to use classic: set --jobs-queue quorum (or MP4J_JOBS_QUEUE=quorum) as the"
                    + " namespace's other clients do, or use another namespace", e.getMessage());
            ChildProcess worker = new Cluster(namespace).launch("mismatched", broker.uri(), 1, CLASSIC);
            Integer exit = worker.awaitExit(Duration.ofSeconds(60));
            assertNotEquals(null, exit, "the worker exits");
            assertNotEquals(0, exit.intValue());
            List<String> err = worker.stderr().stream().filter(line -> line.startsWith("worker: ")).toList();
            assertEquals(1, err.size(), String.join("\n", worker.stderr()));
            assertTrue(err.get(0).contains("namespace '" + namespace + "' has quorum jobs queues"), err.get(0));
            assertTrue(err.get(0).contains("set to use classic: set --jobs-queue quorum"), err.get(0));
            assertFalse(String.join("\n", worker.stderr()).contains("\tat "), "no stack trace:\n" + worker.stderr());
        }
    }

    private static Multiprocessing connect(TestBroker broker, String namespace, JobsQueueType type) {
        return Multiprocessing.builder().settings(BrokerSettings.defaults().withUri(broker.uri()).withNamespace(namespace)
                .withHeartbeat(Duration.ofSeconds(2)).withConnectTimeout(Duration.ofSeconds(30)).withJobsQueue(type))
                .output(OutputSink.discard()).connect();
    }

    /** A classic declaration with the same arguments is accepted only by a classic queue (a quorum one answers 406). */
    private static void assertIsClassic(TestBroker broker, String queue) throws Exception {
        try (Connection connection = broker.newConnection(); Channel channel = connection.createChannel()) {
            channel.queueDeclare(queue, true, false, false, Map.of("x-dead-letter-exchange", broker.namespace() + ".dead"));
        }
    }

}
