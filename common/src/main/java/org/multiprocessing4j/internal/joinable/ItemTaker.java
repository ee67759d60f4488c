package org.multiprocessing4j.internal.joinable;

import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.multiprocessing4j.errors.ConnectionLostException;
import org.multiprocessing4j.errors.QueueNotFoundException;
import org.multiprocessing4j.errors.TooManyTaskDoneException;
import org.multiprocessing4j.internal.amqp.Channels;
import org.multiprocessing4j.internal.queue.OneShotConsumer;
import org.multiprocessing4j.internal.shared.SharedContext;
import org.multiprocessing4j.internal.taking.TakeOne;

/**
 * The take side of a JoinableQueue handle, on one channel in transaction mode. An item taken is
 * held unacknowledged until {@link #done} acknowledges it together with one unfinished-token in a
 * single commit, so "done" and "counted" cannot part: a taker that dies before the commit gives
 * back both, after it neither. The commit that takes the last token also publishes the wake-up
 * for joiners, in the same transaction.
 */
final class ItemTaker implements AutoCloseable {
    private static final byte[] NOTHING = new byte[0];

    private final SharedContext context;
    private final JoinableNames names;
    private final Object getLock = new Object();     // one get at a time per handle
    private final Object channelLock = new Object(); // short channel operations
    private final Deque<Long> held = new ArrayDeque<>(); // guarded by channelLock; oldest first
    private int givenBackByLostLink;                     // guarded by channelLock
    private Channel channel;                             // guarded by channelLock

    ItemTaker(SharedContext context, JoinableNames names) {
        this.context = context;
        this.names = names;
    }

    /** @return the item's body, held; null when nothing came in time */
    byte[] take(Duration timeout) throws InterruptedException {
        synchronized (getLock) {
            Channel ch = channel();
            OneShotConsumer.Item item;
            try {
                item = TakeOne.take(ch, names.items(), timeout, true);
            } catch (IOException | AlreadyClosedException e) {
                throw lost("get from", e);
            }
            return hold(ch, item);
        }
    }

    byte[] takeNowait() {
        synchronized (getLock) {
            Channel ch = channel();
            try {
                GetResponse response = ch.basicGet(names.items(), false);
                return response == null ? null
                        : hold(ch, new OneShotConsumer.Item(response.getEnvelope().getDeliveryTag(), response.getBody()));
            } catch (IOException | AlreadyClosedException e) {
                throw lost("get from", e);
            }
        }
    }

    private byte[] hold(Channel ch, OneShotConsumer.Item item) {
        if (item == null) {
            return null;
        }
        if (item == OneShotConsumer.Item.CANCELLED) {
            throw new QueueNotFoundException("joinable queue '" + names.name() + "' was deleted while waiting on it");
        }
        synchronized (channelLock) {
            if (ch == channel) {
                held.addLast(item.deliveryTag());
            }
        }
        return item.body();
    }

    /** Marks the oldest held item done (or, holding none, any unfinished one), atomically with its token. */
    void done() {
        synchronized (channelLock) {
            if (givenBackByLostLink > 0) {
                // The item went back to the queue with the lost link and its token stayed: whoever
                // takes it again marks it done. Counting it here as well would count it twice.
                givenBackByLostLink--;
                return;
            }
            try {
                Channel ch = channelLocked();
                GetResponse token = ch.basicGet(names.tokens(), false);
                if (token == null) {
                    throw new TooManyTaskDoneException("task_done() called too many times (queue '" + names.name() + "')");
                }
                if (token.getMessageCount() == 0) {
                    ch.basicPublish(names.doneExchange(), names.doneKey(), null, NOTHING);
                }
                ch.basicAck(token.getEnvelope().getDeliveryTag(), false);
                Long item = held.pollFirst();
                if (item != null) {
                    ch.basicAck(item, false);
                }
                ch.txCommit();
            } catch (IOException | AlreadyClosedException e) {
                throw lost("mark an item done in", e);
            }
        }
    }

    /** Items held and not done go back to the queue for someone else (their tokens never left). */
    @Override
    public void close() {
        synchronized (channelLock) {
            try {
                if (channel != null && channel.isOpen() && !held.isEmpty()) {
                    for (Long tag : held) {
                        channel.basicNack(tag, false, true);
                    }
                    channel.txCommit();
                }
            } catch (IOException | AlreadyClosedException ignored) {
                // closing the channel gives them back as well
            }
            held.clear();
            Channels.closeQuietly(channel);
            channel = null;
        }
    }

    private Channel channel() {
        synchronized (channelLock) {
            try {
                return channelLocked();
            } catch (IOException | AlreadyClosedException e) {
                throw lost("open", e);
            }
        }
    }

    private Channel channelLocked() throws IOException {
        if (channel == null || !channel.isOpen()) {
            forgetHeld();
            Channel ch = context.connection().createChannel();
            ch.basicQos(1);
            ch.txSelect();
            if (ch instanceof Recoverable recoverable) {
                recoverable.addRecoveryListener(new RecoveryListener() {
                    @Override
                    public void handleRecovery(Recoverable r) {
                        synchronized (channelLock) {
                            forgetHeld();
                        }
                    }

                    @Override
                    public void handleRecoveryStarted(Recoverable r) {
                    }
                });
            }
            channel = ch;
        }
        return channel;
    }

    /** The broker gave back what this channel held when its link or channel was lost. */
    private void forgetHeld() {
        givenBackByLostLink += held.size();
        held.clear();
    }

    private ConnectionLostException lost(String what, Exception e) {
        return new ConnectionLostException("could not " + what + " joinable queue '" + names.name() + "': "
                + e.getMessage(), e);
    }
}
