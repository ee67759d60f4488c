package org.multiprocessing4j.internal.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.multiprocessing4j.errors.MpException;
import org.multiprocessing4j.internal.amqp.Channels;
import org.multiprocessing4j.internal.shared.SharedContext;
import org.multiprocessing4j.internal.shared.SharedHandle;
import org.multiprocessing4j.internal.wire.ValueCodec;
import org.multiprocessing4j.sync.Acquirable;
import org.multiprocessing4j.sync.RemoteCondition;

/**
 * Condition: a waiter declares an exclusive queue of its own (its ticket), registers the ticket in
 * the condition's queue (confirmed) while it still holds the lock, releases the lock and waits for
 * a message on its ticket. notify takes registrations oldest first and sends each a wake-up; a
 * ticket that is gone (the waiter timed out or died: exclusive queues go with their connection)
 * comes back unroutable and the next registration is tried, so a notify is never spent on the dead.
 */
public final class AmqpCondition implements RemoteCondition, SharedHandle {
    private static final byte[] WAKE = "{\"wake\":true}".getBytes(StandardCharsets.UTF_8);
    private final SharedContext context;
    private final SyncTopology names;
    private final ConditionLock lock;
    private final boolean deleteOnClose;
    private final boolean ownsLock;
    private final Object notifying = new Object();
    private Channel notifyChannel; // guarded by notifying

    private AmqpCondition(SharedContext context, SyncTopology names, ConditionLock lock, boolean deleteOnClose,
                          boolean ownsLock) {
        this.context = context;
        this.ownsLock = ownsLock;
        this.names = names;
        this.lock = lock;
        this.deleteOnClose = deleteOnClose;
    }

    /** With {@code lock} null, an RLock of its own named {@code condition.<name>}, as Python makes one. */
    public static AmqpCondition create(SharedContext context, String name, Acquirable lock) {
        SyncTopology names = SyncNames.of(context, SyncKinds.CONDITION_NAME, name);
        ConditionLock actual = lock == null ? AmqpRLock.create(context, "condition." + names.name()) : usable(lock);
        Creation.ensure(context.connection(), names, channel -> names.declareFresh(channel, java.util.Map.of()));
        return new AmqpCondition(context, names, actual, names.anonymous(), lock == null);
    }

    /** From a reference: {@code {"name": ..., "lock": {"kind": "rlock", "name": ...}}}. */
    public static AmqpCondition open(SharedContext context, String name, JsonNode lockRef) {
        String kind = lockRef.path("kind").asText(SyncKinds.RLOCK_NAME);
        String lockName = lockRef.path("name").asText("condition." + name);
        ConditionLock lock = SyncKinds.LOCK_NAME.equals(kind)
                ? AmqpSemaphore.open(context, SyncKinds.LOCK_NAME, lockName, true)
                : AmqpRLock.open(context, lockName);
        return new AmqpCondition(context, SyncNames.existing(context, SyncKinds.CONDITION_NAME, name), lock, false, true);
    }

    private static ConditionLock usable(Acquirable lock) {
        if (lock instanceof ConditionLock usable) {
            return usable;
        }
        throw new IllegalArgumentException("a Condition needs a Lock or RLock made by multiprocessing4j, got " + lock);
    }

    @Override
    public boolean acquire(boolean block, Duration timeout) {
        return lock.acquire(block, timeout);
    }

    @Override
    public void release() {
        lock.release();
    }

    @Override
    public Acquirable lock() {
        return lock;
    }

    @Override
    public boolean await(Duration timeout) {
        SyncNames.checkTimeout(timeout);
        if (!lock.ownedByCaller()) {
            throw new IllegalMonitorStateException("cannot wait on un-acquired lock");
        }
        Channel ticket = null;
        boolean woken;
        int saved;
        try {
            ticket = context.connection().createChannel();
            String queue = ticket.queueDeclare("", false, true, true, null).getQueue();
            CountDownLatch wake = new CountDownLatch(1);
            ticket.basicConsume(queue, true, new DefaultConsumer(ticket) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties props, byte[] body) {
                    wake.countDown();
                }
            });
            ticket.confirmSelect();
            byte[] registration = ValueCodec.nodes().objectNode().put("ticket", queue).toString()
                    .getBytes(StandardCharsets.UTF_8);
            ticket.basicPublish("", names.mainQueue(), true, null, registration);
            Tokens.waitForConfirms(ticket); // registered before the lock is given up: no notify can miss us
            saved = lock.releaseForWait();
            try {
                woken = timeout == null ? awaitForever(wake) : wake.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                Channels.closeQuietly(ticket);
                lock.restore(saved);
                throw new MpException("interrupted while waiting on " + this, e);
            }
        } catch (IOException | AlreadyClosedException e) {
            Channels.closeQuietly(ticket);
            throw Creation.lost("wait on", names, e);
        }
        Channels.closeQuietly(ticket); // the ticket queue goes with it: later notifies skip this registration
        lock.restore(saved);
        return woken;
    }

    private static boolean awaitForever(CountDownLatch wake) throws InterruptedException {
        wake.await();
        return true;
    }

    @Override
    public boolean waitFor(BooleanSupplier predicate, Duration timeout) {
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        boolean result = predicate.getAsBoolean();
        while (!result) {
            Duration left = null;
            if (timeout != null) {
                long nanos = deadline - System.nanoTime();
                if (nanos <= 0) {
                    break;
                }
                left = Duration.ofNanos(nanos);
            }
            await(left);
            result = predicate.getAsBoolean();
        }
        return result;
    }

    @Override
    public void notify(int n) {
        if (!lock.ownedByCaller()) {
            throw new IllegalMonitorStateException("cannot notify on un-acquired lock");
        }
        synchronized (notifying) {
            try {
                Channel ch = notifyChannel();
                int woken = 0;
                while (woken < n) {
                    GetResponse registration = ch.basicGet(names.mainQueue(), false);
                    if (registration == null) {
                        return; // nobody else waits
                    }
                    String ticket = ValueCodec.parse(registration.getBody()).path("ticket").asText();
                    if (wake(ch, ticket)) {
                        woken++;
                    }
                    ch.basicAck(registration.getEnvelope().getDeliveryTag(), false);
                }
            } catch (IOException | AlreadyClosedException e) {
                throw Creation.lost("notify", names, e);
            }
        }
    }

    /** Sends a wake-up to a ticket; false if the ticket queue is gone (mandatory: returned before the confirm). */
    private boolean wake(Channel ch, String ticket) throws IOException {
        AtomicBoolean returned = new AtomicBoolean();
        com.rabbitmq.client.ReturnListener listener = ch.addReturnListener(r -> returned.set(true));
        try {
            ch.basicPublish("", ticket, true, null, WAKE);
            Tokens.waitForConfirms(ch);
            return !returned.get();
        } finally {
            ch.removeReturnListener(listener);
        }
    }

    private Channel notifyChannel() throws IOException {
        if (notifyChannel == null || !notifyChannel.isOpen()) {
            notifyChannel = context.connection().createChannel();
            notifyChannel.confirmSelect();
        }
        return notifyChannel;
    }

    @Override
    public void notifyAllWaiters() {
        notify(Integer.MAX_VALUE);
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
        ObjectNode ref = ValueCodec.nodes().objectNode().put("name", names.name());
        ref.putObject("lock").put("kind", lock.sharedKind()).put("name", lock.name());
        return ref;
    }

    @Override
    public void delete() {
        SyncNames.delete(context, names);
    }

    @Override
    public void close() {
        synchronized (notifying) {
            Channels.closeQuietly(notifyChannel);
        }
        if (ownsLock) {
            lock.close();
        }
        if (deleteOnClose && context.connection().isOpen()) {
            if (ownsLock) {
                lock.delete();
            }
            delete();
        }
    }

    @Override
    public String toString() {
        return "Condition('" + names.name() + "')";
    }
}
