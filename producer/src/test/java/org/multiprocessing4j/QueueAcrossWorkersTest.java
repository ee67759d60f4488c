package org.multiprocessing4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.queue.RemoteQueue;
import org.multiprocessing4j.support.Cluster;
import org.multiprocessing4j.testkit.BrokerTest;
import org.multiprocessing4j.testkit.ChildProcess;
import org.multiprocessing4j.testkit.TestBroker;

/** A bounded Queue shared by processes on different workers, under load and when a reader dies. */
@BrokerTest
class QueueAcrossWorkersTest {
    private static Cluster cluster;

    @BeforeAll
    static void start(TestBroker broker) {
        cluster = new Cluster(broker).start(4, 1); // one slot each: the four processes run on four workers
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void twoWritersAndTwoReadersMoveTenThousandItemsThroughAQueueOfHundredExactlyOnce() throws Exception {
        try (Multiprocessing mp = cluster.connect()) {
            RemoteQueue q = mp.queue(100);
            RemoteQueue out = mp.queue();
            List<RemoteProcess> readers = List.of(mp.process("collect", q, out), mp.process("collect", q, out));
            List<RemoteProcess> writers = List.of(mp.process("put_range", q, 0, 5000), mp.process("put_range", q, 5000, 5000));
            long started = System.nanoTime();
            readers.forEach(RemoteProcess::start);
            writers.forEach(RemoteProcess::start);
            int most = 0;
            while (writers.stream().anyMatch(RemoteProcess::isAlive)) {
                most = Math.max(most, q.qsize());
                Thread.sleep(20);
            }
            writers.forEach(w -> assertEquals(0, w.exitCode(), w + " failed: " + w.failure()));
            q.put("STOP");
            q.put("STOP");
            readers.forEach(RemoteProcess::join);
            double seconds = (System.nanoTime() - started) / 1e9;

            List<Object> received = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                received.addAll((List<?>) out.get(Duration.ofSeconds(10)));
            }
            Set<Long> distinct = new HashSet<>();
            received.forEach(item -> distinct.add(((Number) item).longValue()));
            Set<Long> pids = new HashSet<>();
            for (RemoteProcess p : List.of(readers.get(0), readers.get(1), writers.get(0), writers.get(1))) {
                pids.add(p.pid());
            }
            System.out.printf("10,000 items through Queue(100): %.1f s, received %d, distinct %d, most waiting %d, "
                    + "workers %s%n", seconds, received.size(), distinct.size(), most, pids);
            assertEquals(10_000, received.size(), "no item twice");
            assertEquals(10_000, distinct.size(), "every item once");
            assertTrue(most <= 100, "never more than maxsize waiting: " + most);
            assertEquals(4, pids.size(), "four processes, four workers");
            assertTrue(q.empty());
        }
    }

    /** Issue 14: a user queue can be replicated (a quorum queue); workers use it as any other, its bound holds. */
    @Test
    void aReplicatedQueueWorksAcrossWorkersKeepsItsBoundAndCannotBecomeASingleNodeOne() throws Exception {
        try (Multiprocessing mp = cluster.connect()) {
            String name = "replicated-" + java.util.UUID.randomUUID();
            RemoteQueue q = mp.queue(name, 3, org.multiprocessing4j.queue.Replication.REPLICATED);
            try {
                RemoteProcess writer = mp.process("put_range", q, 0, 3);
                writer.start();
                writer.join();
                assertEquals(0, writer.exitCode(), "the worker put 3 items: " + writer.failure());
                assertEquals(3, mp.openQueue(name).maxsize(), "opened by name, it tells its bound");
                assertTrue(q.full());
                org.junit.jupiter.api.Assertions.assertThrows(org.multiprocessing4j.errors.QueueFullException.class,
                        () -> q.put(99, Duration.ofMillis(300)));
                Set<Long> got = new HashSet<>();
                for (int i = 0; i < 3; i++) {
                    got.add(((Number) q.get(Duration.ofSeconds(10))).longValue());
                }
                assertEquals(Set.of(0L, 1L, 2L), got);
                org.multiprocessing4j.errors.MpException refused = org.junit.jupiter.api.Assertions.assertThrows(
                        org.multiprocessing4j.errors.MpException.class, () -> mp.queue(name, 3));
                assertTrue(refused.getMessage().contains("already exists with other settings"), refused.getMessage());
            } finally {
                q.delete();
            }
        }
    }

    /**
     * The reader's worker is frozen (SIGSTOP) while blocked in get(); the broker then hands it the
     * item, which sits in the frozen process unacknowledged; kill -9 returns it to the queue.
     */
    @Test
    void aReaderKilledWhileBlockedInGetLosesNoItem(TestBroker broker) throws Exception {
        try (Multiprocessing mp = cluster.connect(); Cluster lone = new Cluster(broker)) {
            RemoteQueue q = mp.queue("crash-" + System.nanoTime(), 0);
            RemoteQueue out = mp.queue();
            ChildProcess readerWorker = lone.startOne("reader", 1, List.of());
            RemoteProcess reader = mp.process("take_one", q, out);
            // Only the lone worker may take it: the others are busy with sleepers for the duration.
            List<RemoteProcess> sleepers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                RemoteProcess sleeper = mp.process("sleep", 30);
                sleeper.setDaemon(true);
                sleeper.start();
                sleepers.add(sleeper);
            }
            awaitRunning(sleepers);
            reader.start();
            awaitPid(reader, readerWorker.pid());
            awaitConsumers(broker, mp, q, 1); // blocked in get: subscribed, waiting

            signal("STOP", readerWorker.pid());
            q.put("precious");
            awaitReadyCount(broker, q, 0); // the broker delivered it to the frozen reader: off the queue, unacknowledged
            readerWorker.kill9(); // SIGKILL ends a stopped process too
            readerWorker.awaitExit(Duration.ofSeconds(10));

            assertEquals("precious", q.get(Duration.ofSeconds(10)), "the item came back to the queue");
            System.out.println("reader killed -9 while blocked in get: its item returned to the queue");
            sleepers.forEach(RemoteProcess::terminate);
            reader.terminate();
            q.delete();
        }
    }

    private static void awaitRunning(List<RemoteProcess> processes) throws InterruptedException {
        for (RemoteProcess p : processes) {
            for (int i = 0; i < 200 && p.pid() == null; i++) {
                Thread.sleep(50);
            }
            assertTrue(p.pid() != null, p + " started");
        }
    }

    private static void awaitPid(RemoteProcess p, long pid) throws InterruptedException {
        for (int i = 0; i < 400 && p.pid() == null; i++) {
            Thread.sleep(50);
        }
        assertEquals(pid, p.pid(), "the reader runs on the worker we will kill");
    }

    private static void awaitConsumers(TestBroker broker, Multiprocessing mp, RemoteQueue q, int consumers) throws Exception {
        String brokerQueue = mp.settings().namespace() + ".queue." + q.name();
        for (int i = 0; i < 200; i++) {
            try (var connection = broker.newConnection(); var channel = connection.createChannel()) {
                if (channel.queueDeclarePassive(brokerQueue).getConsumerCount() == consumers) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the reader never subscribed");
    }

    private static void awaitReadyCount(TestBroker broker, RemoteQueue q, int ready) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (q.qsize() == ready) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the queue never held " + ready + " ready items; it holds " + q.qsize());
    }

    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start();
        assertEquals(0, kill.waitFor());
    }
}
