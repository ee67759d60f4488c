package org.multiprocessing4j.internal.sync;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.multiprocessing4j.errors.ClosedException;
import org.multiprocessing4j.errors.ConnectionLostException;
import org.multiprocessing4j.errors.LockLostException;
import org.multiprocessing4j.errors.MpException;
import org.multiprocessing4j.internal.amqp.Channels;

/**
 * Token messages in one queue, taken and given back: the engine of locks and semaphores.
 *
 * <p>Taking: a basic.get first (one round trip when a token is free), else a consumer with
 * prefetch 1 that the broker hands the next free token to (no polling), cancelled once it has one
 * or the timeout ran out. A taken token stays unacknowledged on this handle's channel: if the
 * holder's connection dies the broker requeues it, which is the "dead holder gives back" rule.
 * Giving back is basic.reject with requeue, atomic on the broker. A classic queue puts a
 * requeued message back where it was, with no delivery count.
 *
 * <p>A token taken before the channel went down (link lost, consumer timeout) is no longer this
 * side's: the broker requeued it. The channel's shutdown bumps an epoch; a token of an old epoch
 * is reported lost when released ({@link LockLostException}).
 *
 * <p>Thread-safe: channel calls are serialised; waiting happens outside the lock.
 */
final class Tokens implements AutoCloseable {
    /** A token this side holds: its delivery tag on the channel of {@code epoch}. */
    record Token(long tag, long epoch, byte[] body) {
    }

    private static final int PERSISTENT = 2;
    private final Connection connection;
    private final String queue;
    private final String what;
    private final boolean transactional;
    private final Object lock = new Object();
    private final AtomicLong epoch = new AtomicLong();
    private Channel channel; // guarded by lock; opened when first needed
    private volatile boolean closed;

    Tokens(Connection connection, String queue, String what) {
        this(connection, queue, what, false);
    }

    /**
     * @param transactional the channel is in tx mode: giving back, consuming and {@link #replace}
     *                      are each committed as one broker transaction (a state cell's update)
     */
    Tokens(Connection connection, String queue, String what, boolean transactional) {
        this.transactional = transactional;
        this.connection = connection;
        this.queue = queue;
        this.what = what;
    }

    /** A token, or null when not blocking and none is free, or when the timeout (null: none) ran out. */
    Token take(boolean block, Duration timeout) {
        Channel ch = channel();
        try {
            GetResponse free;
            synchronized (lock) {
                free = ch.basicGet(queue, false);
            }
            if (free != null) {
                return new Token(free.getEnvelope().getDeliveryTag(), epoch.get(), free.getBody());
            }
        } catch (IOException | AlreadyClosedException e) {
            throw failure("acquire", e);
        }
        if (!block || (timeout != null && timeout.isZero())) {
            return null;
        }
        return waitForOne(ch, timeout);
    }

    private Token waitForOne(Channel ch, Duration timeout) {
        TokenConsumer consumer = new TokenConsumer(ch, epoch);
        try {
            synchronized (lock) {
                ch.basicConsume(queue, false, consumer);
            }
        } catch (IOException | AlreadyClosedException e) {
            throw failure("wait for", e);
        }
        Token token = null;
        try {
            token = consumer.await(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            consumer.stop(lock);
            Token late = consumer.delivered();
            if (late != null) {
                giveBack(late);
            }
            throw new MpException("interrupted while waiting for " + what, e);
        }
        consumer.stop(lock);
        // A token delivered between the timeout and the cancel is ours: keep it rather than bounce it.
        return token != null ? token : consumer.delivered();
    }

    /** Puts a held token back for the next taker. */
    void giveBack(Token token) {
        settle(token, true);
    }

    /** Removes a held token for good (a counter decremented, a state replaced). */
    void consume(Token token) {
        settle(token, false);
    }

    private void settle(Token token, boolean requeue) {
        synchronized (lock) {
            if (token.epoch() != epoch.get() || channel == null || !channel.isOpen()) {
                throw lost();
            }
            try {
                if (requeue) {
                    channel.basicReject(token.tag(), true);
                } else {
                    channel.basicAck(token.tag(), false);
                }
                commit();
            } catch (IOException | AlreadyClosedException e) {
                throw lost();
            }
        }
    }

    /**
     * Replaces a held token by a new one with {@code body}, and sends {@code notices} to the
     * {@code exchange}, in one transaction: a holder that dies before the commit changes nothing
     * (its token goes back as it was). Only on a transactional instance.
     */
    void replace(Token token, byte[] body, String exchange, java.util.List<byte[]> notices) {
        synchronized (lock) {
            if (token.epoch() != epoch.get() || channel == null || !channel.isOpen()) {
                throw lost();
            }
            try {
                channel.basicPublish("", queue, true, persistent(), body);
                for (byte[] notice : notices) {
                    channel.basicPublish(exchange, "", null, notice);
                }
                channel.basicAck(token.tag(), false);
                commit();
            } catch (IOException | AlreadyClosedException e) {
                throw lost();
            }
        }
    }

    /** Extra publishes into the current transaction (a barrier party's life token), sent by the next commit. */
    void publishInTransaction(String exchange, String routingKey, AMQP.BasicProperties props, byte[] body) {
        synchronized (lock) {
            try {
                channel.basicPublish(exchange, routingKey, true, props, body);
            } catch (IOException | AlreadyClosedException e) {
                throw failure("publish to", e);
            }
        }
    }

    /** Takes one message from another queue within the transaction (acked by the next commit), or null. */
    byte[] takeInTransaction(String otherQueue) {
        synchronized (lock) {
            try {
                GetResponse got = channel.basicGet(otherQueue, false);
                if (got == null) {
                    return null;
                }
                channel.basicAck(got.getEnvelope().getDeliveryTag(), false);
                return got.getBody();
            } catch (IOException | AlreadyClosedException e) {
                throw failure("read", e);
            }
        }
    }

    private void commit() throws IOException {
        if (transactional) {
            channel.txCommit();
        }
    }

    /** True if a token taken at {@code epoch} is still this side's. */
    boolean stillHeld(Token token) {
        return token.epoch() == epoch.get();
    }

    /** Publishes {@code count} new tokens with confirms (a Semaphore released more than acquired). */
    void add(int count, byte[] body) {
        try {
            Channels.withTemporaryChannel(connection, ch -> {
                ch.confirmSelect();
                for (int i = 0; i < count; i++) {
                    ch.basicPublish("", queue, true, persistent(), body);
                }
                waitForConfirms(ch);
                return null;
            });
        } catch (IOException e) {
            throw failure("release", e);
        }
    }

    /** Tokens free right now. */
    int free() {
        try {
            return Channels.withTemporaryChannel(connection, ch -> ch.queueDeclarePassive(queue).getMessageCount());
        } catch (IOException e) {
            throw failure("read", e);
        }
    }

    static AMQP.BasicProperties persistent() {
        return new AMQP.BasicProperties.Builder().deliveryMode(PERSISTENT).contentType("application/json").build();
    }

    static void waitForConfirms(Channel ch) throws IOException {
        try {
            ch.waitForConfirmsOrDie(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the broker's confirm", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException("no confirm from the broker within 10 s", e);
        }
    }

    private Channel channel() {
        synchronized (lock) {
            if (closed) {
                throw new ClosedException(what + " handle is closed");
            }
            // A channel closed with its connection comes back with it (amqp-client recovery, consumers
            // included); one closed alone (a channel error) never does, so it is replaced.
            if (channel == null || (!channel.isOpen() && connection.isOpen())) {
                try {
                    Channel fresh = connection.createChannel();
                    fresh.basicQos(1); // per consumer: each waiter receives one token at most
                    if (transactional) {
                        fresh.txSelect();
                    }
                    fresh.addShutdownListener(cause -> epoch.incrementAndGet());
                    channel = fresh;
                } catch (IOException | AlreadyClosedException e) {
                    throw failure("open", e);
                }
            }
            return channel;
        }
    }

    private LockLostException lost() {
        return new LockLostException(what + " was given back by the broker while held: the link to the broker "
                + "broke, so the next waiter may have had it meanwhile");
    }

    private MpException failure(String action, Exception e) {
        if (closed) {
            return new ClosedException(what + " handle is closed");
        }
        if (Channels.replyCode(e) == 404) {
            return new MpException(what + " does not exist any more (was it deleted?)");
        }
        return new ConnectionLostException("could not " + action + " " + what + ": " + e.getMessage(), e);
    }

    /** Closes the channel: the broker puts back every token this handle still held. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            Channels.closeQuietly(channel);
        }
    }
}
