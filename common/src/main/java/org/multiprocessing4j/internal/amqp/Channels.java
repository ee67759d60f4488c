package org.multiprocessing4j.internal.amqp;

import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.multiprocessing4j.errors.ConnectionLostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Small helpers around channels whose errors close them (404, 406). */
public final class Channels {
    private static final Logger log = LoggerFactory.getLogger(Channels.class);

    private Channels() {
    }

    @FunctionalInterface
    public interface ChannelWork<T> {
        T apply(Channel channel) throws IOException;
    }

    /** Runs RPCs on a channel of their own, so that a 404 or 406 they cause closes nothing else. */
    public static <T> T withTemporaryChannel(Connection connection, ChannelWork<T> work) throws IOException {
        Channel channel;
        try {
            channel = connection.createChannel();
        } catch (AlreadyClosedException e) {
            throw new ConnectionLostException("not connected to the broker: " + e.getMessage(), e);
        }
        try {
            return work.apply(channel);
        } finally {
            closeQuietly(channel);
        }
    }

    public static void closeQuietly(Channel channel) {
        if (channel != null && channel.isOpen()) {
            try {
                channel.close();
            } catch (IOException | TimeoutException | ShutdownSignalException e) {
                log.debug("closing channel: {}", e.toString());
            }
        }
    }

    /** The AMQP reply code (404, 406...) behind an IOException from an RPC, or 0. */
    public static int replyCode(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ShutdownSignalException signal && signal.getReason() instanceof com.rabbitmq.client.AMQP.Channel.Close close) {
                return close.getReplyCode();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return 0;
    }

    /** The broker's reply text behind an IOException from an RPC, or the exception's message. */
    public static String replyText(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ShutdownSignalException signal && signal.getReason() instanceof com.rabbitmq.client.AMQP.Channel.Close close) {
                return close.getReplyText();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return String.valueOf(e.getMessage());
    }
}
