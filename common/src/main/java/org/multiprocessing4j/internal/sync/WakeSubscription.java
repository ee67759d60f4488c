package org.multiprocessing4j.internal.sync;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import java.io.IOException;
import java.util.function.Consumer;
import org.multiprocessing4j.errors.ConnectionLostException;
import org.multiprocessing4j.internal.amqp.Channels;

/**
 * A handle's subscription to a primitive's fanout exchange: an exclusive, server-named queue bound
 * to it, consumed with auto-ack. Made once per handle, before the handle first looks at the state
 * it waits on, so a wake-up sent between the look and the wait is not missed.
 *
 * <p>A lost link deletes the exclusive queue; amqp-client's recovery declares a new one and binds
 * it again, but a wake-up sent meanwhile went nowhere. {@code onRecovery} runs after the channel is
 * back so the owner can look at the state again.
 */
final class WakeSubscription implements AutoCloseable {
    private final Channel channel;
    private final Connection connection;
    private final RecoveryListener listener;

    private WakeSubscription(Channel channel, Connection connection, RecoveryListener listener) {
        this.channel = channel;
        this.connection = connection;
        this.listener = listener;
    }

    static WakeSubscription open(Connection connection, String exchange, Consumer<byte[]> onMessage, Runnable onRecovery) {
        Channel channel = null;
        try {
            channel = connection.createChannel();
            String queue = channel.queueDeclare("", false, true, true, null).getQueue();
            channel.queueBind(queue, exchange, "");
            channel.basicConsume(queue, true, new DefaultConsumer(channel) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties props, byte[] body) {
                    onMessage.accept(body);
                }
            });
            // The connection's listener runs after queues, bindings and consumers are back (a channel's
            // runs before them), on the recovery thread: the look is handed to a thread of its own.
            RecoveryListener listener = new RecoveryListener() {
                @Override
                public void handleRecovery(Recoverable recovered) {
                    Thread look = new Thread(onRecovery, "mp4j-wake-recovery");
                    look.setDaemon(true);
                    look.start();
                }

                @Override
                public void handleRecoveryStarted(Recoverable recovering) {
                    // nothing to do until it is back
                }
            };
            if (connection instanceof Recoverable recoverable) {
                recoverable.addRecoveryListener(listener);
            }
            return new WakeSubscription(channel, connection, listener);
        } catch (IOException | AlreadyClosedException e) {
            Channels.closeQuietly(channel);
            throw new ConnectionLostException("could not subscribe to " + exchange + ": " + Channels.replyText(e), e);
        }
    }

    @Override
    public void close() {
        if (connection instanceof Recoverable recoverable) {
            recoverable.removeRecoveryListener(listener);
        }
        Channels.closeQuietly(channel);
    }
}
