package org.multiprocessing4j.internal.taking;

import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.multiprocessing4j.internal.queue.OneShotConsumer;

/**
 * Takes one message from a queue without acknowledging it: subscribes for as long as the caller
 * waits (the broker pushes the message, nothing polls), then cancels. The caller holds the message
 * until it acknowledges it (JoinableQueue: at taskDone; Pipe: once read); if the holder dies, the
 * broker gives it to someone else.
 */
public final class TakeOne {
    private TakeOne() {
    }

    /**
     * @param transactional the channel is in tx mode: a message given back is only given back at commit
     * @param timeout       null waits as long as it takes
     * @return the message (unacknowledged), {@link OneShotConsumer.Item#CANCELLED} if the queue was
     *         deleted, or null when nothing came in time
     */
    public static OneShotConsumer.Item take(Channel channel, String queue, Duration timeout, boolean transactional)
            throws IOException, InterruptedException {
        OneShotConsumer consumer = new OneShotConsumer(channel);
        channel.basicConsume(queue, false, consumer);
        OneShotConsumer.Item item;
        try {
            item = timeout == null ? consumer.inbox.take() : consumer.inbox.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            consumer.stop();
            consumer.requeueRest(null);
            commitIf(channel, transactional);
            throw e;
        }
        consumer.stop();
        if (item == null) {
            item = consumer.inbox.poll(); // arrived between the timeout and cancel-ok: still ours
        }
        consumer.requeueRest(item);
        commitIf(channel, transactional);
        return item;
    }

    private static void commitIf(Channel channel, boolean transactional) throws IOException {
        if (transactional && channel.isOpen()) {
            channel.txCommit();
        }
    }
}
