package org.multiprocessing4j.internal.amqp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.connection.BrokerSettings;
import org.multiprocessing4j.errors.PayloadTooLargeException;
import org.multiprocessing4j.internal.wire.Envelopes;
import org.multiprocessing4j.testkit.BrokerTest;
import org.multiprocessing4j.testkit.TestBroker;

@BrokerTest
class ConfirmingPublisherTest {
    private Connection connection;
    private String queue;
    private TestBroker broker;

    @BeforeEach
    void connect(TestBroker broker) throws Exception {
        this.broker = broker;
        connection = Connector.connect(BrokerSettings.defaults().withUri(broker.uri()).withConnectTimeout(Duration.ofSeconds(5)), "test");
        queue = broker.namespace() + ".publisher-test";
        Channels.withTemporaryChannel(connection, ch -> ch.queueDeclare(queue, true, false, false,
                Map.of("x-max-length", 5, "x-overflow", "reject-publish")));
    }

    @AfterEach
    void close() throws Exception {
        Channels.withTemporaryChannel(connection, ch -> ch.queueDelete(queue));
        connection.close();
    }

    @Test
    void manyPublishesAreConfirmedWithoutWaitingForEachInTurn() throws Exception {
        try (ConfirmingPublisher publisher = new ConfirmingPublisher(connection, 1024)) {
            List<CompletableFuture<Void>> confirms = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                confirms.add(publisher.publish(Outgoing.toQueue(queue, Envelopes.queueItem(), ("\"" + i + "\"").getBytes())));
            }
            assertTrue(publisher.unconfirmedCount() <= 5);
            CompletableFuture.allOf(confirms.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            assertEquals(0, publisher.unconfirmedCount());
            assertEquals(5, broker.messageCount(queue));
        }
    }

    @Test
    void aFullRejectPublishQueueAnswersWithANack() throws Exception {
        try (ConfirmingPublisher publisher = new ConfirmingPublisher(connection, 1024)) {
            for (int i = 0; i < 5; i++) {
                publisher.publish(Outgoing.toQueue(queue, Envelopes.queueItem(), "1".getBytes())).get(10, TimeUnit.SECONDS);
            }
            ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () ->
                    publisher.publish(Outgoing.toQueue(queue, Envelopes.queueItem(), "1".getBytes())).get(10, TimeUnit.SECONDS));
            PublishRejectedException rejected = assertInstanceOf(PublishRejectedException.class, e.getCause());
            assertTrue(!rejected.unroutable());
        }
    }

    @Test
    void aMessageNoQueueTakesFailsAsUnroutable() {
        try (ConfirmingPublisher publisher = new ConfirmingPublisher(connection, 1024)) {
            ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () ->
                    publisher.publish(Outgoing.toQueue(queue + ".missing", Envelopes.queueItem(), "1".getBytes()))
                            .get(10, TimeUnit.SECONDS));
            assertTrue(assertInstanceOf(PublishRejectedException.class, e.getCause()).unroutable());
        }
    }

    @Test
    void aMessageOverTheSizeLimitFailsBeforeAnythingIsSent() throws Exception {
        try (ConfirmingPublisher publisher = new ConfirmingPublisher(connection, 10)) {
            ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () ->
                    publisher.publish(Outgoing.toQueue(queue, Envelopes.queueItem(), new byte[11])).get(10, TimeUnit.SECONDS));
            assertInstanceOf(PayloadTooLargeException.class, e.getCause());
            assertEquals(0, broker.messageCount(queue));
            publisher.publish(Outgoing.toQueue(queue, Envelopes.queueItem(), "1".getBytes())).get(10, TimeUnit.SECONDS);
        }
    }
}
