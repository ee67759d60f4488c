package org.multiprocessing4j.internal.events;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.io.IOException;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.multiprocessing4j.errors.ConnectionLostException;
import org.multiprocessing4j.errors.EncodingException;
import org.multiprocessing4j.internal.amqp.Channels;
import org.multiprocessing4j.internal.amqp.ConfirmingPublisher;
import org.multiprocessing4j.internal.amqp.Outgoing;
import org.multiprocessing4j.internal.amqp.Topology;
import org.multiprocessing4j.internal.wire.EventBatch;
import org.multiprocessing4j.internal.wire.JobEvent;
import org.multiprocessing4j.internal.wire.MessageType;
import org.multiprocessing4j.internal.wire.WireCodec;

/**
 * Reads the events stream from a point in time (or its start), event by event, as a stream
 * consumer of its own: any number of readers, none slowing the workers. Without {@code follow} it
 * ends where the stream ended when it started reading: it appends an end marker and stops on it.
 * One reader thread; {@link #close()} ends it.
 */
public final class EventReader implements AutoCloseable {
    private static final int PREFETCH = 100;
    private static final JobEvent END = new JobEvent("end", "", "", 0, null, null, null, null, null, null, null, null,
            null, null, null);

    private final Channel channel;
    private final BlockingQueue<JobEvent> inbox = new LinkedBlockingQueue<>(100_000);
    private final String marker = "end-marker:" + UUID.randomUUID();
    private volatile boolean ended;

    /** @param since epoch ms to read from; null: the stream's start (its retention: a day by default) */
    public EventReader(Connection connection, Topology topology, Long since, boolean follow) {
        try {
            channel = connection.createChannel();
            channel.basicQos(PREFETCH); // a stream consumer needs a prefetch and acknowledgements
            Object offset = since == null ? "first" : new Date(since);
            channel.basicConsume(topology.eventsStream(), false, Map.of("x-stream-offset", offset), new DefaultConsumer(channel) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
                        throws IOException {
                    take(properties, body);
                    getChannel().basicAck(envelope.getDeliveryTag(), false);
                }
            });
            if (!follow) {
                appendEndMarker(connection, topology);
            }
        } catch (IOException e) {
            if (Channels.replyCode(e) == 404) {
                throw new IllegalStateException("there is no event history yet (no worker or producer with events on "
                        + "has run in this namespace)");
            }
            throw new ConnectionLostException("could not read the events: " + e.getMessage(), e);
        }
    }

    /** The next event, or null when {@code timeoutMs} passed or the history ended (see {@link #ended()}). */
    public JobEvent next(long timeoutMs) throws InterruptedException {
        if (ended) {
            return null;
        }
        JobEvent event = timeoutMs < 0 ? inbox.take() : inbox.poll(timeoutMs, TimeUnit.MILLISECONDS);
        if (event == END) {
            ended = true;
            return null;
        }
        return event;
    }

    /** True once a reader without follow has read everything that was there when it started. */
    public boolean ended() {
        return ended;
    }

    private void take(AMQP.BasicProperties properties, byte[] body) {
        if (!MessageType.EVENTS.equals(properties.getType())) {
            return;
        }
        if (marker.equals(properties.getMessageId())) {
            inbox.add(END);
            return;
        }
        try {
            for (JobEvent event : WireCodec.decodeEvents(body).events()) {
                inbox.put(event);
            }
        } catch (EncodingException ignored) {
            // a batch of another protocol version: not shown
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void appendEndMarker(Connection connection, Topology topology) {
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().type(MessageType.EVENTS)
                .contentType("application/json").messageId(marker).build();
        try (ConfirmingPublisher publisher = new ConfirmingPublisher(connection, Integer.MAX_VALUE)) {
            publisher.publish(Outgoing.toQueue(topology.eventsStream(), properties,
                    WireCodec.encode(EventBatch.of(java.util.List.of())))).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new ConnectionLostException("could not mark the end of the event history: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        Channels.closeQuietly(channel);
    }
}
