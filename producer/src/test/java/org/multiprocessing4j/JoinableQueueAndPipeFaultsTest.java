package org.multiprocessing4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.pipe.Connection;
import org.multiprocessing4j.queue.JoinableQueue;
import org.multiprocessing4j.queue.RemoteQueue;
import org.multiprocessing4j.support.Cluster;
import org.multiprocessing4j.testkit.BrokerTest;
import org.multiprocessing4j.testkit.ChildProcess;
import org.multiprocessing4j.testkit.TcpProxy;
import org.multiprocessing4j.testkit.TestBroker;
import org.multiprocessing4j.testkit.Workers;

/** What CPython cannot survive: a JoinableQueue consumer killed -9 mid-item, a Pipe end's link lost. */
@BrokerTest
class JoinableQueueAndPipeFaultsTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final long MY_PID = ProcessHandle.current().pid();

    /**
     * Two consumers on two workers, six items of 2 s each; the worker of the first item taken is
     * killed -9 while it works on it. The item goes back and is done by the other consumer; join
     * returns once all six are done, each marked done once, and the count ends at 0, not below.
     */
    @Test
    void joinReturnsOnceAllAreDoneWhenAConsumerIsKilledMidItem(TestBroker broker) throws Exception {
        try (Cluster cluster = new Cluster(broker).start(2, 1); Multiprocessing mp = cluster.connect()) {
            JoinableQueue q = mp.joinableQueue();
            RemoteQueue seen = mp.queue();
            List<RemoteProcess> consumers = List.of(mp.process("slow_consumer", q, seen, 2),
                    mp.process("slow_consumer", q, seen, 2));
            consumers.forEach(RemoteProcess::start);
            for (int i = 0; i < 6; i++) {
                q.put(i);
            }
            List<?> first = (List<?>) seen.get(WAIT);
            long victimPid = ((Number) first.get(1)).longValue();
            ChildProcess victim = cluster.workers().stream().filter(w -> w.pid() == victimPid).findFirst().orElseThrow();
            victim.kill9();
            long killedAt = System.nanoTime();

            assertTrue(q.join(WAIT), "join returned");
            double joinSeconds = (System.nanoTime() - killedAt) / 1e9;
            assertEquals(0, q.unfinishedTasks());

            Map<Object, Integer> doneCount = new HashMap<>();
            Map<Object, Integer> tookCount = new HashMap<>();
            List<Object> events = new ArrayList<>(List.of(first));
            for (Object e; (e = pollQuietly(seen)) != null; ) {
                events.add(e);
            }
            for (Object e : events) {
                List<?> event = (List<?>) e;
                Object item = ((Number) event.get(0)).intValue();
                assertNotEquals(MY_PID, ((Number) event.get(1)).longValue());
                (event.get(2).equals("done") ? doneCount : tookCount).merge(item, 1, Integer::sum);
            }
            System.out.printf("JoinableQueue: consumer %d killed -9 holding item %s; join returned %.1f s later; "
                    + "taken %s, done %s%n", victimPid, first.get(0), joinSeconds, tookCount, doneCount);
            assertEquals(6, doneCount.size(), "every item done: " + doneCount);
            doneCount.values().forEach(n -> assertEquals(1, n, "nothing done twice: " + doneCount));
            assertEquals(2, tookCount.get(((Number) first.get(0)).intValue()), "the killed item was taken again");
            assertTrue(doneCount.containsKey(((Number) first.get(0)).intValue()));
            consumers.forEach(RemoteProcess::terminate);
            q.delete();
        }
    }

    /**
     * A task on a worker holds a Pipe end; the worker's link to the broker is blackholed for 8 s
     * (longer than two heartbeats) and restored. What was sent meanwhile reaches it, every value is
     * answered once, and the end of the pipe still reaches it.
     */
    @Test
    void aPipeEndOnAWorkerWhoseLinkIsCutAndRestoredStillReceives(TestBroker broker) throws Exception {
        URI uri = URI.create(broker.uri());
        try (TcpProxy proxy = TcpProxy.to(uri.getPort() == -1 ? 5672 : uri.getPort());
             Cluster none = new Cluster(broker); Multiprocessing mp = none.connect()) {
            String proxied = broker.uri().replace(":" + uri.getPort() + "/", ":" + proxy.port() + "/");
            ChildProcess worker = Workers.awaitReady(Workers.launch("proxied", proxied, broker.namespace(), 1, List.of()));
            try {
                Connection[] ends = mp.pipe();
                RemoteProcess p = mp.process("conn_answer_until_eof", ends[1]);
                p.start();
                ends[0].send("before");
                List<?> answer = (List<?>) ends[0].recv();
                assertEquals("before", answer.get(0));
                assertEquals(worker.pid(), ((Number) answer.get(1)).longValue());

                proxy.blackhole();
                Thread.sleep(1000);
                ends[0].send("during");
                Thread.sleep(7000);
                long restoredAt = System.nanoTime();
                proxy.restore();
                assertTrue(ends[0].poll(WAIT), "the answer to what was sent during the cut came");
                double seconds = (System.nanoTime() - restoredAt) / 1e9;
                assertEquals("during", ((List<?>) ends[0].recv()).get(0));
                ends[0].send("after");
                assertEquals("after", ((List<?>) ends[0].recv()).get(0));
                ends[0].close();
                p.join(WAIT);
                System.out.printf("Pipe: link blackholed 8 s and restored; answer %.1f s after restore; exit %s%n",
                        seconds, p.exitCode());
                assertEquals(0, p.exitCode(), String.valueOf(p.failure()));
                assertNotEquals(MY_PID, p.pid());
            } finally {
                Workers.stopAll(List.of(worker), Duration.ofSeconds(20));
            }
        }
    }

    private static Object pollQuietly(RemoteQueue q) {
        try {
            return q.get(Duration.ofMillis(500));
        } catch (org.multiprocessing4j.errors.QueueEmptyException e) {
            return null;
        }
    }
}
