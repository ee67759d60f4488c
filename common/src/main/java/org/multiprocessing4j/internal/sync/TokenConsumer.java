package org.multiprocessing4j.internal.sync;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.multiprocessing4j.errors.ClosedException;

/**
 * One waiter's subscription (prefetch 1): receives at most one token, then is cancelled. The
 * client dispatches a delivery before the cancel-ok that follows it, so after {@link #stop} the
 * token is either in {@link #delivered()} or still on the broker for someone else.
 */
final class TokenConsumer extends DefaultConsumer {
    private final AtomicLong epoch;
    private final AtomicReference<Tokens.Token> token = new AtomicReference<>();
    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private volatile boolean closedByApplication;
    private volatile boolean queueDeleted;

    TokenConsumer(Channel channel, AtomicLong epoch) {
        super(channel);
        this.epoch = epoch;
    }

    @Override
    public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties props, byte[] body) {
        token.set(new Tokens.Token(envelope.getDeliveryTag(), epoch.get(), body));
        arrived.countDown();
    }

    @Override
    public void handleCancelOk(String tag) {
        cancelled.countDown();
    }

    @Override
    public void handleCancel(String tag) {
        queueDeleted = true; // the broker cancels consumers of a deleted queue
        cancelled.countDown();
        arrived.countDown();
    }

    @Override
    public void handleShutdownSignal(String tag, ShutdownSignalException sig) {
        // A lost link is recovered with this consumer on it; only our own close ends the wait.
        if (sig.isInitiatedByApplication() && !getChannel().getConnection().isOpen()) {
            closedByApplication = true;
            arrived.countDown();
            cancelled.countDown();
        }
    }

    /** The token, or null when the timeout (null: none) ran out or the queue went away. */
    Tokens.Token await(Duration timeout) throws InterruptedException {
        if (timeout == null) {
            arrived.await();
        } else if (!arrived.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            return null;
        }
        if (closedByApplication) {
            throw new ClosedException("the connection closed while waiting");
        }
        if (queueDeleted && token.get() == null) {
            throw new org.multiprocessing4j.errors.MpException("it was deleted while this side waited for it");
        }
        return token.get();
    }

    Tokens.Token delivered() {
        return token.get();
    }

    void stop(Object channelLock) {
        try {
            synchronized (channelLock) {
                if (getConsumerTag() == null || !getChannel().isOpen() || cancelled.getCount() == 0) {
                    return;
                }
                getChannel().basicCancel(getConsumerTag());
            }
            cancelled.await(5, TimeUnit.SECONDS);
        } catch (IOException | AlreadyClosedException e) {
            return; // channel gone: the broker keeps or requeues the token for others
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
