package org.multiprocessing4j.internal.queue;

import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.multiprocessing4j.errors.ConnectionLostException;
import org.multiprocessing4j.errors.EncodingException;
import org.multiprocessing4j.errors.MpException;
import org.multiprocessing4j.errors.QueueEmptyException;
import org.multiprocessing4j.errors.QueueNotFoundException;
import org.multiprocessing4j.internal.amqp.Channels;
import org.multiprocessing4j.internal.shared.SharedContext;
import org.multiprocessing4j.internal.wire.ValueCodec;

/**
 * The get side of a queue handle, on a channel of its own. A blocking get subscribes for as long
 * as it waits (the broker pushes the item, nothing polls); an item is acknowledged only once it
 * has been decoded for the caller, so a reader that dies in between gives it back.
 */
final class QueueReader implements AutoCloseable {
    private final SharedContext context;
    private final String name;
    private final String brokerQueue;
    private Channel channel; // guarded by this

    QueueReader(SharedContext context, String name) {
        this.context = context;
        this.name = name;
        this.brokerQueue = context.topology().userQueue(name);
    }

    synchronized Object getNowait() {
        try {
            Channel ch = channel();
            GetResponse response = ch.basicGet(brokerQueue, false);
            if (response == null) {
                throw new QueueEmptyException("queue '" + name + "' is empty");
            }
            return handOver(ch, response.getEnvelope().getDeliveryTag(), response.getBody());
        } catch (IOException | AlreadyClosedException e) {
            throw failure("get from", e);
        }
    }

    /** @param timeout null waits as long as it takes */
    synchronized Object take(Duration timeout, Function<Duration, String> describe) {
        Channel ch;
        OneShotConsumer consumer;
        try {
            ch = channel();
            consumer = new OneShotConsumer(ch);
            ch.basicConsume(brokerQueue, false, consumer);
        } catch (IOException | AlreadyClosedException e) {
            throw failure("get from", e);
        }
        OneShotConsumer.Item item;
        try {
            item = timeout == null ? consumer.inbox.take() : consumer.inbox.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            consumer.stop();
            consumer.requeueRest(null);
            throw new MpException("interrupted while waiting on queue '" + name + "'", e);
        }
        consumer.stop();
        if (item == null) {
            item = consumer.inbox.poll(); // arrived between the timeout and cancel-ok: still ours
        }
        consumer.requeueRest(item);
        if (item == null) {
            throw new QueueEmptyException("queue '" + name + "' stayed empty for " + describe.apply(timeout));
        }
        if (item == OneShotConsumer.Item.CANCELLED) {
            throw new QueueNotFoundException("queue '" + name + "' was deleted while waiting on it");
        }
        return handOver(ch, item.deliveryTag(), item.body());
    }

    private Object handOver(Channel ch, long deliveryTag, byte[] body) {
        Object value;
        try {
            value = ValueCodec.toJava(ValueCodec.parse(body), context.opener());
        } catch (EncodingException notJson) {
            // Put by something else than this library: hand it over as text rather than lose it.
            value = new String(body, StandardCharsets.UTF_8);
        }
        try {
            ch.basicAck(deliveryTag, false);
        } catch (IOException | AlreadyClosedException e) {
            // The broker will deliver the item again to someone: at-least-once, as documented.
            throw failure("acknowledge an item of", e);
        }
        return value;
    }

    private Channel channel() throws IOException {
        if (channel == null || !channel.isOpen()) {
            channel = context.connection().createChannel();
            channel.basicQos(1);
        }
        return channel;
    }

    private MpException failure(String what, Exception e) {
        return new ConnectionLostException("could not " + what + " queue '" + name + "': " + e.getMessage(), e);
    }

    @Override
    public synchronized void close() {
        Channels.closeQuietly(channel);
    }
}
