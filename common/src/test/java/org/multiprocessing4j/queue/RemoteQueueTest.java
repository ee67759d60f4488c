package org.multiprocessing4j.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.connection.BrokerSettings;
import org.multiprocessing4j.errors.EncodingException;
import org.multiprocessing4j.errors.QueueEmptyException;
import org.multiprocessing4j.errors.QueueFullException;
import org.multiprocessing4j.errors.QueueNotFoundException;
import org.multiprocessing4j.internal.kinds.SharedObjects;
import org.multiprocessing4j.internal.queue.AmqpQueue;
import org.multiprocessing4j.internal.shared.SharedContext;
import org.multiprocessing4j.internal.amqp.Connector;
import org.multiprocessing4j.internal.amqp.Topology;
import org.multiprocessing4j.testkit.BrokerTest;
import org.multiprocessing4j.testkit.TestBroker;

/** Python's Queue semantics on a real broker queue. */
@BrokerTest
class RemoteQueueTest {
    private static final int MAX = Integer.MAX_VALUE;
    private Connection connection;
    private Topology topology;
    private SharedContext context;
    private TestBroker broker;

    @BeforeEach
    void connect(TestBroker broker) {
        this.broker = broker;
        connection = Connector.connect(BrokerSettings.defaults().withUri(broker.uri()), "queue-test");
        topology = new Topology(broker.namespace());
        context = new SharedObjects(connection, topology, MAX).context();
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
    }

    @Test
    void itemsComeOutInOrderAsTheJsonValuesTheyWent() {
        try (RemoteQueue q = AmqpQueue.create(context, null, 0)) {
            q.put("消息1");
            q.put(42);
            q.put(Map.of("a", List.of(1, 2.5, true)));
            q.put(null);
            assertEquals(4, q.qsize());
            assertEquals("消息1", q.get());
            assertEquals(42, q.get());
            assertEquals(Map.of("a", List.of(1, 2.5, true)), q.get());
            assertEquals(null, q.get(Duration.ofSeconds(1)));
            assertTrue(q.empty());
        }
    }

    @Test
    void aBoundedQueueIsFullAtMaxsizeLikePythons() {
        try (RemoteQueue q = AmqpQueue.create(context, null, 3)) {
            q.put("消息1");
            q.put("消息2");
            assertFalse(q.full());
            q.put("消息3");
            assertTrue(q.full());
            assertThrows(QueueFullException.class, () -> q.putNowait("消息4"));
            assertEquals(3, q.qsize(), "the refused item is not in the queue");
        }
    }

    @Test
    void putOnAFullQueueWaitsForItsTimeoutThenRaisesFull() {
        try (RemoteQueue q = AmqpQueue.create(context, null, 1)) {
            q.put("only");
            long started = System.nanoTime();
            assertThrows(QueueFullException.class, () -> q.put("more", Duration.ofSeconds(1)));
            long waitedMs = (System.nanoTime() - started) / 1_000_000;
            System.out.println("put on a full queue with a 1 s timeout raised Full after " + waitedMs + " ms");
            assertTrue(waitedMs >= 1000, "waited " + waitedMs + " ms");
            started = System.nanoTime();
            assertThrows(QueueFullException.class, () -> q.putNowait("more"));
            System.out.println("putNowait on a full queue raised Full after " + (System.nanoTime() - started) / 1_000_000 + " ms");
        }
    }

    @Test
    void aBlockedPutCompletesAsSoonAsAReaderMakesRoom() throws Exception {
        try (RemoteQueue q = AmqpQueue.create(context, null, 1)) {
            q.put("first");
            CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> q.put("second", Duration.ofSeconds(10)));
            Thread.sleep(300);
            assertFalse(blocked.isDone());
            assertEquals("first", q.get());
            blocked.get();
            assertEquals("second", q.get(Duration.ofSeconds(5)));
        }
    }

    @Test
    void getOnAnEmptyQueueWaitsForItsTimeoutThenRaisesEmpty() {
        try (RemoteQueue q = AmqpQueue.create(context, null, 0)) {
            long started = System.nanoTime();
            assertThrows(QueueEmptyException.class, () -> q.get(Duration.ofSeconds(1)));
            long waitedMs = (System.nanoTime() - started) / 1_000_000;
            System.out.println("get on an empty queue with a 1 s timeout raised Empty after " + waitedMs + " ms");
            assertTrue(waitedMs >= 1000, "waited " + waitedMs + " ms");
            started = System.nanoTime();
            assertThrows(QueueEmptyException.class, q::getNowait);
            System.out.println("getNowait on an empty queue raised Empty after " + (System.nanoTime() - started) / 1_000_000 + " ms");
            q.put("later", null); // a null timeout is Python's None, for put and get alike
            assertEquals("later", q.get(null));
        }
    }

    @Test
    void aBlockedGetWaitsAsOneConsumerNotByPolling() throws Exception {
        try (RemoteQueue q = AmqpQueue.create(context, "blocked-get", 0)) {
            CompletableFuture<Object> got = CompletableFuture.supplyAsync(() -> q.get(Duration.ofSeconds(10)));
            Thread.sleep(500);
            try (Connection look = broker.newConnection(); var channel = look.createChannel()) {
                var state = channel.queueDeclarePassive(topology.userQueue("blocked-get"));
                assertEquals(1, state.getConsumerCount(), "the waiting get is a subscription");
            }
            q.put("pushed");
            assertEquals("pushed", got.get());
            try (Connection look = broker.newConnection(); var channel = look.createChannel()) {
                assertEquals(0, channel.queueDeclarePassive(topology.userQueue("blocked-get")).getConsumerCount(),
                        "after the get, nothing holds the queue: an idle handle keeps no item from other readers");
            }
            q.delete();
        }
    }

    @Test
    void aValueThatIsNotJsonFailsAtPutWithAClearError() {
        try (RemoteQueue q = AmqpQueue.create(context, null, 0)) {
            EncodingException e = assertThrows(EncodingException.class, () -> q.put(new Thread()));
            assertTrue(e.getMessage().contains("java.lang.Thread"), e.getMessage());
            assertEquals(0, q.qsize());
        }
    }

    @Test
    void anAnonymousQueueGoesAwayWithItsCreatorANamedOneStays() throws Exception {
        String anonymous;
        try (RemoteQueue q = AmqpQueue.create(context, null, 0)) {
            anonymous = q.name();
            assertTrue(anonymous.startsWith("anon."), anonymous);
        }
        try (RemoteQueue named = AmqpQueue.create(context, "kept", 5)) {
            named.put("stays");
        }
        assertThrows(QueueNotFoundException.class, () -> AmqpQueue.openExisting(context, anonymous));
        try (RemoteQueue reopened = AmqpQueue.openExisting(context, "kept")) {
            assertEquals(5, reopened.maxsize(), "the bound is read back from the broker");
            assertEquals("stays", reopened.get(Duration.ofSeconds(1)));
            reopened.delete();
        }
    }

    @Test
    void creatingANamedQueueWithAnotherMaxsizeIsRefusedClearly() {
        try (RemoteQueue q = AmqpQueue.create(context, "sized", 2)) {
            var e = assertThrows(org.multiprocessing4j.errors.MpException.class,
                    () -> AmqpQueue.create(context, "sized", 3));
            assertTrue(e.getMessage().contains("already exists with other settings"), e.getMessage());
            q.delete();
        }
    }

    @Test
    void badNamesAndTimeoutsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> AmqpQueue.create(context, "has space", 0));
        assertThrows(IllegalArgumentException.class, () -> AmqpQueue.create(context, null, -1));
        try (RemoteQueue q = AmqpQueue.create(context, null, 0)) {
            assertThrows(IllegalArgumentException.class, () -> q.get(Duration.ofSeconds(-1)));
        }
    }
}
