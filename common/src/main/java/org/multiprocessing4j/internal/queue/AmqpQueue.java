package org.multiprocessing4j.internal.queue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.multiprocessing4j.errors.ClosedException;
import org.multiprocessing4j.errors.ConnectionLostException;
import org.multiprocessing4j.errors.MpException;
import org.multiprocessing4j.errors.QueueFullException;
import org.multiprocessing4j.errors.QueueNotFoundException;
import org.multiprocessing4j.internal.amqp.Channels;
import org.multiprocessing4j.internal.amqp.ConfirmingPublisher;
import org.multiprocessing4j.internal.amqp.Outgoing;
import org.multiprocessing4j.internal.amqp.PublishRejectedException;
import org.multiprocessing4j.internal.amqp.Topology;
import org.multiprocessing4j.internal.shared.SharedContext;
import org.multiprocessing4j.internal.shared.SharedHandle;
import org.multiprocessing4j.internal.wire.Envelopes;
import org.multiprocessing4j.internal.wire.ValueCodec;
import org.multiprocessing4j.queue.RemoteQueue;

/**
 * {@link RemoteQueue} on a durable classic queue named {@code <namespace>.queue.<name>}.
 *
 * <p>Each handle has three channels, opened when first needed: one to publish (with confirms),
 * one to take items ({@link QueueReader}), one for size queries. Putting to a full queue is
 * refused by the broker (reject-publish) and retried with backoff until the timeout.
 */
public final class AmqpQueue implements RemoteQueue, SharedHandle {
    private static final long MAX_FULL_BACKOFF_MS = 100;

    private final SharedContext context;
    private final Connection connection;
    private final String name;
    private final String brokerQueue;
    private final int maxsize;
    private final boolean deleteOnClose;
    private final ConfirmingPublisher publisher;
    private final QueueReader reader;
    private final Object adminLock = new Object();
    private Channel adminChannel; // guarded by adminLock
    private volatile boolean closed;

    private AmqpQueue(SharedContext context, String name, int maxsize, boolean deleteOnClose) {
        this.context = context;
        this.connection = context.connection();
        this.name = name;
        this.brokerQueue = context.topology().userQueue(name);
        this.maxsize = maxsize;
        this.deleteOnClose = deleteOnClose;
        this.publisher = new ConfirmingPublisher(connection, context.maxMessageSize());
        this.reader = new QueueReader(context, name);
    }

    /**
     * Creates the queue, or opens it if it exists with the same maxsize (Python's {@code Queue(maxsize)}).
     * Without a name it gets a generated one and is deleted when this handle closes.
     */
    public static AmqpQueue create(SharedContext context, String name, int maxsize) {
        return create(context, name, maxsize, false);
    }

    /** The same, as a replicated (quorum) queue if {@code replicated}. */
    public static AmqpQueue create(SharedContext context, String name, int maxsize, boolean replicated) {
        if (maxsize < 0) {
            throw new IllegalArgumentException("maxsize must be 0 (unbounded) or positive, got " + maxsize);
        }
        boolean anonymous = name == null;
        String actualName = anonymous ? Topology.ANONYMOUS_QUEUE_PREFIX + UUID.randomUUID()
                : QueueDeclarations.validName(name);
        QueueDeclarations.declare(context, actualName, maxsize, replicated);
        return new AmqpQueue(context, actualName, maxsize, anonymous);
    }

    /** Opens a queue that a reference names (a queue passed as an argument); it must exist. */
    public static AmqpQueue open(SharedContext context, String name, int maxsize) {
        QueueDeclarations.requireExists(context, QueueDeclarations.validName(name));
        return new AmqpQueue(context, name, maxsize, false);
    }

    /** Opens an existing queue by name, finding out its maxsize from the broker. */
    public static AmqpQueue openExisting(SharedContext context, String name) {
        String valid = QueueDeclarations.validName(name);
        QueueDeclarations.requireExists(context, valid);
        return new AmqpQueue(context, valid, QueueDeclarations.discoverMaxsize(context, valid), false);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int maxsize() {
        return maxsize;
    }

    @Override
    public String sharedKind() {
        return QueueKind.NAME;
    }

    @Override
    public ObjectNode sharedRef() {
        return ValueCodec.nodes().objectNode().put("name", name).put("maxsize", maxsize);
    }

    // ---- put --------------------------------------------------------------------------------

    @Override
    public void put(Object item) {
        put(item, null);
    }

    @Override
    public void put(Object item, Duration timeout) {
        if (timeout != null && timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative");
        }
        byte[] body = ValueCodec.encodeValue(item); // a value that cannot travel fails here, before anything is sent
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        long backoffMs = 5;
        while (true) {
            ensureOpen();
            try {
                publisher.publish(Outgoing.toQueue(brokerQueue, Envelopes.queueItem(), body)).get();
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof PublishRejectedException rejected)) {
                    throw asMpException(e.getCause());
                }
                if (rejected.unroutable()) {
                    throw new QueueNotFoundException("queue '" + name + "' does not exist any more (was it deleted?)");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MpException("interrupted while putting to queue '" + name + "'", e);
            }
            // Full: the broker refused it (reject-publish). It sends no "room again" signal, so wait and retry.
            long leftMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (leftMs <= 0) {
                throw new QueueFullException("queue '" + name + "' is full (maxsize " + maxsize + ")");
            }
            sleep(Math.min(backoffMs, leftMs));
            backoffMs = Math.min(backoffMs * 2, MAX_FULL_BACKOFF_MS);
        }
    }

    @Override
    public void putNowait(Object item) {
        put(item, Duration.ZERO);
    }

    // ---- get --------------------------------------------------------------------------------

    @Override
    public Object get() {
        return take(null);
    }

    @Override
    public Object get(Duration timeout) {
        if (timeout == null) {
            return get(); // Python's get(timeout=None), as put(item, null) is
        }
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative");
        }
        return take(timeout);
    }

    @Override
    public Object getNowait() {
        ensureOpen();
        return reader.getNowait();
    }

    private Object take(Duration timeout) {
        ensureOpen();
        return reader.take(timeout, AmqpQueue::describe);
    }

    // ---- sizes ------------------------------------------------------------------------------

    @Override
    public int qsize() {
        synchronized (adminLock) {
            ensureOpen();
            try {
                if (adminChannel == null || !adminChannel.isOpen()) {
                    adminChannel = connection.createChannel();
                }
                return adminChannel.queueDeclarePassive(brokerQueue).getMessageCount();
            } catch (IOException | AlreadyClosedException e) {
                adminChannel = null;
                if (Channels.replyCode(e) == 404) {
                    throw new QueueNotFoundException("queue '" + name + "' does not exist (was it deleted?)");
                }
                throw failure("read the size of", e);
            }
        }
    }

    @Override
    public boolean empty() {
        return qsize() == 0;
    }

    @Override
    public boolean full() {
        return maxsize > 0 && qsize() >= maxsize;
    }

    @Override
    public void delete() {
        try {
            Channels.withTemporaryChannel(connection, ch -> ch.queueDelete(brokerQueue));
        } catch (IOException e) {
            throw failure("delete", e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        publisher.close();
        reader.close();
        synchronized (adminLock) {
            Channels.closeQuietly(adminChannel);
        }
        if (deleteOnClose && connection.isOpen()) {
            delete();
        }
    }

    @Override
    public String toString() {
        return "RemoteQueue[" + name + (maxsize > 0 ? ", maxsize " + maxsize : "") + "]";
    }

    // ---- helpers ----------------------------------------------------------------------------

    private void ensureOpen() {
        if (closed) {
            throw new ClosedException("queue handle '" + name + "' is closed");
        }
    }

    private MpException failure(String what, Exception e) {
        return new ConnectionLostException("could not " + what + " queue '" + name + "': " + e.getMessage(), e);
    }

    private static MpException asMpException(Throwable cause) {
        return cause instanceof MpException mp ? mp : new MpException(String.valueOf(cause.getMessage()), cause);
    }

    private static String describe(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MpException("interrupted while waiting for room in a queue", e);
        }
    }
}
