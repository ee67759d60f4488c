package org.multiprocessing4j.internal.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.multiprocessing4j.errors.ClosedException;
import org.multiprocessing4j.errors.MpException;
import org.multiprocessing4j.internal.amqp.Channels;
import org.multiprocessing4j.internal.shared.SharedContext;
import org.multiprocessing4j.internal.shared.SharedHandle;
import org.multiprocessing4j.internal.wire.ValueCodec;
import org.multiprocessing4j.sync.RemoteEvent;

/**
 * Event: the flag is a message in a queue of max-length 1 (set publishes it, clear purges it,
 * isSet counts it); waiters are woken through the fanout exchange. A wait subscribes first, then
 * looks at the flag, then sleeps until a wake-up: nothing between the look and the sleep is missed.
 */
public final class AmqpEvent implements RemoteEvent, SharedHandle {
    private static final byte[] FLAG = "{\"set\":true}".getBytes(StandardCharsets.UTF_8);
    private final SharedContext context;
    private final SyncTopology names;
    private final boolean deleteOnClose;
    private final Object lock = new Object();
    private long wakeups; // guarded by lock; counts sets seen (and looks after a recovery that found it set)
    private WakeSubscription subscription; // guarded by lock
    private Channel publishing; // guarded by lock
    private volatile boolean closed;

    private AmqpEvent(SharedContext context, SyncTopology names, boolean deleteOnClose) {
        this.context = context;
        this.names = names;
        this.deleteOnClose = deleteOnClose;
    }

    public static AmqpEvent create(SharedContext context, String name) {
        SyncTopology names = SyncNames.of(context, SyncKinds.EVENT_NAME, name);
        Creation.ensure(context.connection(), names, channel -> names.declareFresh(channel, flagQueueArgs()));
        return new AmqpEvent(context, names, names.anonymous());
    }

    public static AmqpEvent open(SharedContext context, String name) {
        return new AmqpEvent(context, SyncNames.existing(context, SyncKinds.EVENT_NAME, name), false);
    }

    /** One flag at most: a second set() drops the first (drop-head), so setting twice is setting once. */
    static Map<String, Object> flagQueueArgs() {
        return Map.of("x-max-length", 1);
    }

    @Override
    public void set() {
        synchronized (lock) {
            ensureOpen();
            try {
                if (publishing == null || !publishing.isOpen()) {
                    publishing = context.connection().createChannel();
                    publishing.confirmSelect();
                }
                publishing.basicPublish("", names.mainQueue(), true, Tokens.persistent(), FLAG);
                Tokens.waitForConfirms(publishing); // the flag is stored before anyone is told
                publishing.basicPublish(names.exchange(), "", null, FLAG);
            } catch (IOException | AlreadyClosedException e) {
                throw Creation.lost("set", names, e);
            }
        }
    }

    @Override
    public void clear() {
        ensureOpen();
        try {
            Channels.withTemporaryChannel(context.connection(), ch -> ch.queuePurge(names.mainQueue()));
        } catch (IOException e) {
            throw Creation.lost("clear", names, e);
        }
    }

    @Override
    public boolean isSet() {
        ensureOpen();
        try {
            return Channels.withTemporaryChannel(context.connection(),
                    ch -> ch.queueDeclarePassive(names.mainQueue()).getMessageCount() > 0);
        } catch (IOException e) {
            throw Creation.lost("read", names, e);
        }
    }

    @Override
    public boolean await(Duration timeout) {
        SyncNames.checkTimeout(timeout);
        long seen;
        synchronized (lock) {
            ensureOpen();
            if (subscription == null) {
                subscription = WakeSubscription.open(context.connection(), names.exchange(), body -> woken(), this::lookAgain);
            }
            seen = wakeups;
        }
        if (isSet()) {
            return true;
        }
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            try {
                while (wakeups == seen && !closed) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(lock, Math.min(left, TimeUnit.DAYS.toNanos(1)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MpException("interrupted while waiting for " + this, e);
            }
            ensureOpen();
            return true;
        }
    }

    private void woken() {
        synchronized (lock) {
            wakeups++;
            lock.notifyAll();
        }
    }

    /** After a lost link: a set() sent while our queue was gone reached nobody, so look at the flag. */
    private void lookAgain() {
        try {
            if (!closed && isSet()) {
                woken();
            }
        } catch (MpException e) {
            // link gone again: the next recovery looks again
        }
    }

    @Override
    public String name() {
        return names.name();
    }

    @Override
    public String sharedKind() {
        return names.kind();
    }

    @Override
    public ObjectNode sharedRef() {
        return ValueCodec.nodes().objectNode().put("name", names.name());
    }

    @Override
    public void delete() {
        SyncNames.delete(context, names);
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (subscription != null) {
                subscription.close();
            }
            Channels.closeQuietly(publishing);
            lock.notifyAll();
        }
        if (deleteOnClose && context.connection().isOpen()) {
            delete();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new ClosedException(this + " handle is closed");
        }
    }

    @Override
    public String toString() {
        return "Event('" + names.name() + "')";
    }
}
