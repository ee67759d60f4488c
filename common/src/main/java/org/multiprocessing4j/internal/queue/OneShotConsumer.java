package org.multiprocessing4j.internal.queue;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A subscription that receives at most one item (prefetch 1), for as long as a {@code get} waits.
 * {@link #stop()} cancels and waits for cancel-ok, which the client dispatches after any delivery
 * that preceded it; a delivery nobody took is requeued. Also used by the JoinableQueue and Pipe
 * readers, which hold what they took until it is marked done or read.
 */
public final class OneShotConsumer extends DefaultConsumer {
    /** An item as delivered; {@link #CANCELLED} when the broker cancelled us (the queue was deleted). */
    public record Item(long deliveryTag, byte[] body, String messageId) {
        public static final Item CANCELLED = new Item(-1, new byte[0]);

        public Item(long deliveryTag, byte[] body) {
            this(deliveryTag, body, null);
        }
    }

    public final BlockingQueue<Item> inbox = new LinkedBlockingQueue<>();
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private final CountDownLatch subscribed = new CountDownLatch(1);

    public OneShotConsumer(Channel channel) {
        super(channel);
    }

    @Override
    public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties props, byte[] body) {
        inbox.add(new Item(envelope.getDeliveryTag(), body, props.getMessageId()));
    }

    @Override
    public void handleConsumeOk(String tag) {
        super.handleConsumeOk(tag);
        subscribed.countDown();
    }

    @Override
    public void handleCancelOk(String tag) {
        cancelled.countDown();
    }

    @Override
    public void handleCancel(String tag) {
        inbox.add(Item.CANCELLED);
        cancelled.countDown();
    }

    public void stop() {
        try {
            // consume-ok is dispatched on the client's consumer thread, possibly after basicConsume
            // returned: a short wait could otherwise end before the tag is known, and an uncancelled
            // consumer would later take (and hold, unread) the next item.
            subscribed.await(5, TimeUnit.SECONDS);
            if (getConsumerTag() != null && getChannel().isOpen()) {
                getChannel().basicCancel(getConsumerTag());
                cancelled.await(5, TimeUnit.SECONDS);
            }
        } catch (IOException | AlreadyClosedException e) {
            return; // channel gone: the broker requeues whatever it had delivered
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Items beyond the first (cannot happen with prefetch 1, but never drop one) go back. */
    public void requeueRest(Item kept) {
        for (Item extra; (extra = inbox.poll()) != null; ) {
            if (extra != kept && extra != Item.CANCELLED) {
                try {
                    getChannel().basicNack(extra.deliveryTag(), false, true);
                } catch (IOException | AlreadyClosedException ignored) {
                    // channel gone: the broker requeues it anyway
                }
            }
        }
    }
}
