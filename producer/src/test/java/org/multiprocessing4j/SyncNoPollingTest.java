package org.multiprocessing4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.connection.BrokerSettings;
import org.multiprocessing4j.sync.RemoteEvent;
import org.multiprocessing4j.sync.RemoteLock;
import org.multiprocessing4j.testkit.BrokerTest;
import org.multiprocessing4j.testkit.ChildProcess;
import org.multiprocessing4j.testkit.TestBroker;

/**
 * Nothing polls: 10 waiters (5 blocked in a Lock's acquire, 5 in an Event's wait, each with its own
 * handle, so its own channel and subscription) block for a minute on one client connection. The
 * broker's own count of packets received on that connection ({@code rabbitmqctl list_connections
 * recv_cnt}) over the minute is what the connection costs: heartbeats only (5 s: about 12).
 * A waiter polling even once a second would add 600.
 */
@BrokerTest
class SyncNoPollingTest {
    private static final String OUR_PRODUCERS = "mp4j producer " + ProcessHandle.current().pid() + "-";

    @Test
    void tenWaitersBlockedForAMinuteCostTheBrokerOnlyHeartbeats(TestBroker broker) throws Exception {
        BrokerSettings settings = BrokerSettings.defaults().withUri(broker.uri()).withNamespace(broker.namespace());
        try (Multiprocessing holder = Multiprocessing.connect(settings)) {
            RemoteLock lock = holder.lock("quiet-lock");
            RemoteEvent event = holder.event("quiet-event");
            assertTrue(lock.acquire(false));

            Map<String, Long> before = producerPackets();
            try (Multiprocessing quiet = Multiprocessing.connect(settings)) {
                String connection = newConnection(before, producerPackets());
                CountDownLatch done = new CountDownLatch(10);
                ConcurrentLinkedQueue<String> outcomes = new ConcurrentLinkedQueue<>();
                List<Thread> waiters = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    RemoteLock mine = quiet.lock("quiet-lock");
                    RemoteEvent myEvent = quiet.event("quiet-event");
                    waiters.add(start(() -> {
                        outcomes.add("lock " + mine.acquire(Duration.ofMinutes(5)));
                        mine.release();
                        done.countDown();
                    }));
                    waiters.add(start(() -> {
                        outcomes.add("event " + myEvent.await(Duration.ofMinutes(5)));
                        done.countDown();
                    }));
                }
                Thread.sleep(5_000); // all subscribed
                long from = producerPackets().get(connection);
                Thread.sleep(60_000);
                long to = producerPackets().get(connection);
                long packets = to - from;
                System.out.printf("10 waiters blocked for 60 s: the broker received %d packets on their connection "
                        + "(heartbeat every %d s)%n", packets, settings.heartbeat().toSeconds());
                assertEquals(10, done.getCount(), "all still waiting");

                lock.release();
                event.set();
                assertTrue(done.await(60, TimeUnit.SECONDS), "every waiter woken: " + outcomes);
                assertEquals(5, outcomes.stream().filter("lock true"::equals).count(), outcomes.toString());
                assertEquals(5, outcomes.stream().filter("event true"::equals).count(), outcomes.toString());
                assertTrue(packets <= 40, "flat: heartbeats only, no polling (" + packets + " packets in 60 s)");
                for (Thread waiter : waiters) {
                    waiter.join(10_000);
                }
            }
            lock.delete();
            event.delete();
        }
    }

    private static Thread start(Runnable body) {
        Thread thread = new Thread(body);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** The one producer connection that appeared between two listings. */
    private static String newConnection(Map<String, Long> before, Map<String, Long> after) {
        List<String> fresh = after.keySet().stream().filter(name -> !before.containsKey(name)).toList();
        assertEquals(1, fresh.size(), "exactly one new producer connection: " + fresh);
        return fresh.get(0);
    }

    /**
     * Packets the broker received, per producer connection of this JVM (by its "host:port -> host:port"
     * name). Only this JVM's: another test class in the next fork connects producers at the same time
     * (a CI run saw two new connections), and a producer's connection is named after its pid.
     */
    private static Map<String, Long> producerPackets() {
        ChildProcess.Finished listed = ChildProcess.run(List.of("rabbitmqctl", "-q", "list_connections", "name",
                "recv_cnt", "client_properties", "--no-table-headers"), Map.of(), Duration.ofSeconds(60));
        Map<String, Long> packets = new HashMap<>();
        for (String line : listed.output()) {
            String[] fields = line.split("\t");
            if (fields.length >= 3 && fields[2].contains(OUR_PRODUCERS)) {
                packets.put(fields[0], Long.parseLong(fields[1].trim()));
            }
        }
        return packets;
    }
}
