package org.multiprocessing4j.internal.joinable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.multiprocessing4j.errors.ClosedException;
import org.multiprocessing4j.errors.ConnectionLostException;
import org.multiprocessing4j.errors.EncodingException;
import org.multiprocessing4j.errors.MpException;
import org.multiprocessing4j.errors.QueueEmptyException;
import org.multiprocessing4j.errors.QueueNotFoundException;
import org.multiprocessing4j.internal.amqp.Channels;
import org.multiprocessing4j.internal.amqp.Topology;
import org.multiprocessing4j.internal.shared.SharedContext;
import org.multiprocessing4j.internal.shared.SharedHandle;
import org.multiprocessing4j.internal.wire.Envelopes;
import org.multiprocessing4j.internal.wire.ValueCodec;
import org.multiprocessing4j.queue.JoinableQueue;

/**
 * {@link JoinableQueue} on the broker objects {@link JoinableNames} lists. A put publishes the item
 * and its unfinished-token in one transaction (both or neither); a taskDone acknowledges a token and
 * the item it stands for in another ({@link ItemTaker}); join waits for the tokens to run out
 * ({@link JoinWaiter}).
 */
public final class AmqpJoinableQueue implements JoinableQueue, SharedHandle {
    private static final byte[] TOKEN = new byte[0];

    private final SharedContext context;
    private final JoinableNames names;
    private final boolean deleteOnClose;
    private final ItemTaker taker;
    private final Object putLock = new Object();
    private Channel putChannel; // guarded by putLock; tx mode
    private volatile boolean closed;

    private AmqpJoinableQueue(SharedContext context, String name, boolean deleteOnClose) {
        this.context = context;
        this.names = new JoinableNames(context.topology(), name);
        this.deleteOnClose = deleteOnClose;
        this.taker = new ItemTaker(context, names);
    }

    /** Creates (or opens) the named joinable queue; without a name, one deleted when this handle closes. */
    public static AmqpJoinableQueue create(SharedContext context, String name) {
        boolean anonymous = name == null;
        String actual = anonymous ? Topology.ANONYMOUS_QUEUE_PREFIX + UUID.randomUUID() : validName(name);
        JoinableNames names = new JoinableNames(context.topology(), actual);
        try {
            Channels.withTemporaryChannel(context.connection(), ch -> {
                names.declare(ch);
                return null;
            });
        } catch (IOException e) {
            throw new MpException("could not create joinable queue '" + actual + "': " + Channels.replyText(e), e);
        }
        return new AmqpJoinableQueue(context, actual, anonymous);
    }

    /** Opens an existing joinable queue (a reference that arrived, or a name). */
    public static AmqpJoinableQueue open(SharedContext context, String name) {
        JoinableNames names = new JoinableNames(context.topology(), validName(name));
        try {
            Channels.withTemporaryChannel(context.connection(), ch -> ch.queueDeclarePassive(names.tokens()));
        } catch (IOException e) {
            if (Channels.replyCode(e) == 404) {
                throw new QueueNotFoundException("no joinable queue named '" + name + "'");
            }
            throw new ConnectionLostException("could not open joinable queue '" + name + "': " + e.getMessage(), e);
        }
        return new AmqpJoinableQueue(context, name, false);
    }

    static String validName(String name) {
        if (name == null || !name.matches("[A-Za-z0-9_.:-]{1,200}")) {
            throw new IllegalArgumentException("queue name must be 1-200 characters of letters, digits, '_', '.', ':' "
                    + "or '-', got: " + name);
        }
        return name;
    }

    @Override
    public String name() {
        return names.name();
    }

    @Override
    public int maxsize() {
        return 0;
    }

    @Override
    public String sharedKind() {
        return JoinableKind.NAME;
    }

    @Override
    public ObjectNode sharedRef() {
        return ValueCodec.nodes().objectNode().put("name", names.name());
    }

    // ---- put --------------------------------------------------------------------------------

    @Override
    public void put(Object item) {
        byte[] body = ValueCodec.encodeValue(item); // a value that cannot travel fails here, before anything is sent
        if (body.length > context.maxMessageSize()) {
            throw new MpException("item of " + body.length + " bytes is larger than the broker's limit of "
                    + context.maxMessageSize());
        }
        synchronized (putLock) {
            ensureOpen();
            try {
                if (putChannel == null || !putChannel.isOpen()) {
                    putChannel = context.connection().createChannel();
                    putChannel.txSelect();
                }
                putChannel.basicPublish("", names.items(), Envelopes.queueItem(), body);
                putChannel.basicPublish("", names.tokens(), Envelopes.queueItem(), TOKEN);
                putChannel.txCommit(); // both are stored (persistent, durable) or neither is
            } catch (IOException | AlreadyClosedException e) {
                throw new ConnectionLostException("could not put to joinable queue '" + name() + "': " + e.getMessage(), e);
            }
        }
    }

    /** Unbounded: never full, so the timeout never matters. */
    @Override
    public void put(Object item, Duration timeout) {
        put(item);
    }

    @Override
    public void putNowait(Object item) {
        put(item);
    }

    // ---- get --------------------------------------------------------------------------------

    @Override
    public Object get() {
        return get(null);
    }

    @Override
    public Object get(Duration timeout) {
        if (timeout != null && timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative");
        }
        ensureOpen();
        byte[] body;
        try {
            body = taker.take(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MpException("interrupted while waiting on queue '" + name() + "'", e);
        }
        if (body == null) {
            throw new QueueEmptyException("queue '" + name() + "' stayed empty for " + timeout.toMillis() + " ms");
        }
        return decode(body);
    }

    @Override
    public Object getNowait() {
        ensureOpen();
        byte[] body = taker.takeNowait();
        if (body == null) {
            throw new QueueEmptyException("queue '" + name() + "' is empty");
        }
        return decode(body);
    }

    private Object decode(byte[] body) {
        try {
            return ValueCodec.toJava(ValueCodec.parse(body), context.opener());
        } catch (EncodingException notJson) {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    // ---- done and join ----------------------------------------------------------------------

    @Override
    public void taskDone() {
        ensureOpen();
        taker.done();
    }

    @Override
    public void join() {
        join(null);
    }

    @Override
    public boolean join(Duration timeout) {
        ensureOpen();
        return new JoinWaiter(context, names).await(timeout, this::unfinishedTasks);
    }

    @Override
    public int unfinishedTasks() {
        return count(names.tokens());
    }

    // ---- sizes and life cycle ---------------------------------------------------------------

    @Override
    public int qsize() {
        return count(names.items());
    }

    @Override
    public boolean empty() {
        return qsize() == 0;
    }

    @Override
    public boolean full() {
        return false;
    }

    private int count(String brokerQueue) {
        ensureOpen();
        try {
            return Channels.withTemporaryChannel(context.connection(),
                    ch -> ch.queueDeclarePassive(brokerQueue).getMessageCount());
        } catch (IOException e) {
            if (Channels.replyCode(e) == 404) {
                throw new QueueNotFoundException("joinable queue '" + name() + "' does not exist (was it deleted?)");
            }
            throw new ConnectionLostException("could not count queue '" + name() + "': " + e.getMessage(), e);
        }
    }

    @Override
    public void delete() {
        try {
            Channels.withTemporaryChannel(context.connection(), ch -> {
                ch.queueDelete(names.items());
                return ch.queueDelete(names.tokens());
            });
        } catch (IOException e) {
            throw new ConnectionLostException("could not delete joinable queue '" + name() + "': " + e.getMessage(), e);
        }
    }

    /** Items this handle took and did not mark done go back to the queue; see {@link JoinableQueue}. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        taker.close();
        synchronized (putLock) {
            Channels.closeQuietly(putChannel);
        }
        if (deleteOnClose && context.connection().isOpen()) {
            delete();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new ClosedException("joinable queue handle '" + name() + "' is closed");
        }
    }

    @Override
    public String toString() {
        return "JoinableQueue[" + name() + "]";
    }
}
