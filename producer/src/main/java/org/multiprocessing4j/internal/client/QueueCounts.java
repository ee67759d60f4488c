package org.multiprocessing4j.internal.client;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.util.List;
import org.multiprocessing4j.errors.ConnectionLostException;
import org.multiprocessing4j.internal.amqp.Channels;

/**
 * Ready messages in several of this namespace's queues at once, read exactly (passive declares) on
 * one channel. A queue that does not exist counts 0: the delay levels exist only once something was
 * delayed, a named queue only once a worker took it. A 404 closes the channel, so it is reopened.
 */
public final class QueueCounts {
    private static final int NOT_FOUND = 404;

    private QueueCounts() {
    }

    /** The sum of the ready messages of {@code brokerQueues}. */
    public static long sum(Connection connection, List<String> brokerQueues) {
        long total = 0;
        Channel channel = null;
        try {
            for (String queue : brokerQueues) {
                if (channel == null || !channel.isOpen()) {
                    channel = connection.createChannel();
                }
                try {
                    total += channel.queueDeclarePassive(queue).getMessageCount();
                } catch (IOException e) {
                    if (Channels.replyCode(e) != NOT_FOUND) {
                        throw e;
                    }
                }
            }
            return total;
        } catch (IOException | RuntimeException e) {
            throw new ConnectionLostException("could not read the queues' sizes: " + Channels.replyText(e), e);
        } finally {
            Channels.closeQuietly(channel);
        }
    }
}
