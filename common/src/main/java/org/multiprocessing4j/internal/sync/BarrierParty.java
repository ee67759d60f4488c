package org.multiprocessing4j.internal.sync;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.multiprocessing4j.internal.amqp.Channels;

/**
 * One waiting party's life token. Its queue has a message TTL of 0 and the barrier's exchange as
 * dead-letter exchange; the party consumes it before the token is published, so the broker hands
 * the token over at once and it sits unacknowledged with the party. If the party's connection dies
 * the broker requeues the token, it expires at once and is dead-lettered to the barrier's exchange
 * as a "died" notice for every other party (and the deaths queue). Leaving normally acknowledges it.
 */
final class BarrierParty implements AutoCloseable {
    private final Channel channel;
    private final String queue;
    private final AtomicLong tag = new AtomicLong(-1);

    private BarrierParty(Channel channel, String queue) {
        this.channel = channel;
        this.queue = queue;
    }

    static BarrierParty join(Connection connection, SyncTopology names) throws IOException {
        String queue = names.lifeQueue(UUID.randomUUID().toString());
        Channel channel = connection.createChannel();
        try {
            channel.queueDeclare(queue, true, false, false, Map.of(
                    "x-message-ttl", 0,
                    "x-dead-letter-exchange", names.exchange(),
                    "x-expires", SyncTopology.LIFE_QUEUE_EXPIRES.toMillis()));
            BarrierParty party = new BarrierParty(channel, queue);
            channel.basicConsume(queue, false, new DefaultConsumer(channel) {
                @Override
                public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties props, byte[] body) {
                    party.tag.set(envelope.getDeliveryTag());
                }
            });
            return party;
        } catch (IOException | AlreadyClosedException e) {
            Channels.closeQuietly(channel);
            throw e;
        }
    }

    /** Where the life token goes (published in the arrival's transaction). */
    String queue() {
        return queue;
    }

    /** Leaves alive: the token is acknowledged (not dead-lettered) and the queue deleted. */
    @Override
    public void close() {
        try {
            long delivered = tag.get();
            if (delivered >= 0) {
                channel.basicAck(delivered, false);
            }
            channel.queueDelete(queue);
        } catch (IOException | AlreadyClosedException e) {
            // the link is gone: the broker has already turned the token into a "died" notice
        } finally {
            Channels.closeQuietly(channel);
        }
    }
}
