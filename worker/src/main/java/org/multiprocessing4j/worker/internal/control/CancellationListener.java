package org.multiprocessing4j.worker.internal.control;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.multiprocessing4j.errors.EncodingException;
import org.multiprocessing4j.internal.amqp.Channels;
import org.multiprocessing4j.internal.amqp.ConfirmingPublisher;
import org.multiprocessing4j.internal.amqp.Outgoing;
import org.multiprocessing4j.internal.amqp.Topology;
import org.multiprocessing4j.internal.wire.CancelMessage;
import org.multiprocessing4j.internal.wire.Envelopes;
import org.multiprocessing4j.internal.wire.MessageType;
import org.multiprocessing4j.internal.wire.WireCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.multiprocessing4j.worker.internal.pipeline.Cancellations;

/**
 * Reads the cancellation stream from its beginning, then follows it: a terminate() issued while
 * this worker was not even running still stops the job when it arrives here.
 *
 * <p>Catching up: the listener appends a marker of its own to the stream and waits to read it
 * back; everything before the marker has then been applied, and only then does the worker start
 * taking jobs.
 */
public final class CancellationListener implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CancellationListener.class);
    private static final int PREFETCH = 500;

    private final Channel channel;
    private final String marker = "catch-up-marker:" + UUID.randomUUID();
    private final CountDownLatch caughtUp = new CountDownLatch(1);

    public CancellationListener(Connection connection, Topology topology, Cancellations cancellations) throws IOException {
        channel = connection.createChannel();
        channel.basicQos(PREFETCH); // streams require a prefetch and acknowledgements
        channel.basicConsume(topology.cancellationStream(), false, Map.of("x-stream-offset", "first"),
                new DefaultConsumer(channel) {
                    @Override
                    public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
                            throws IOException {
                        apply(cancellations, properties, body);
                        getChannel().basicAck(envelope.getDeliveryTag(), false);
                    }
                });
    }

    private void apply(Cancellations cancellations, AMQP.BasicProperties properties, byte[] body) {
        if (!MessageType.CANCEL.equals(properties.getType())) {
            return;
        }
        try {
            CancelMessage message = WireCodec.decodeCancel(body);
            if (marker.equals(message.id())) {
                caughtUp.countDown();
            } else {
                cancellations.cancel(message);
            }
        } catch (EncodingException e) {
            log.warn("ignoring an invalid cancellation: {}", e.getMessage());
        }
    }

    /** Appends this listener's marker and waits until it has read everything before it. */
    public boolean catchUp(ConfirmingPublisher publisher, Topology topology, Duration timeout) {
        byte[] body = WireCodec.encode(CancelMessage.of(marker, CancelMessage.Signal.TERMINATE, System.currentTimeMillis()));
        publisher.publish(Outgoing.toQueue(topology.cancellationStream(), Envelopes.cancel(marker), body));
        try {
            return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        Channels.closeQuietly(channel);
    }
}
