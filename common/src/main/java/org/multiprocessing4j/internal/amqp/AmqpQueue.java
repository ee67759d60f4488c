package org.multiprocessing4j.internal.amqp;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.multiprocessing4j.errors.ClosedException;
import org.multiprocessing4j.errors.ConnectionLostException;
import org.multiprocessing4j.errors.EncodingException;
import org.multiprocessing4j.errors.MpException;
import org.multiprocessing4j.errors.QueueEmptyException;
import org.multiprocessing4j.errors.QueueFullException;
import org.multiprocessing4j.errors.QueueNotFoundException;
import org.multiprocessing4j.internal.wire.Envelopes;
import org.multiprocessing4j.internal.wire.QueueRef;
import org.multiprocessing4j.internal.wire.WireCodec;
import org.multiprocessing4j.queue.RemoteQueue;

/**
 * {@link RemoteQueue} on a durable classic queue named {@code <namespace>.queue.<name>}.
 *
 * <p>Each handle has three channels, opened when first needed: one to publish (with confirms),
 * one to take items, one for size queries. A blocking get subscribes with prefetch 1 for as long
 * as it waits and cancels afterwards, so an idle handle holds no item back from other readers.
 */
public final class AmqpQueue implements RemoteQueue {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,200}");
    // RabbitMQ's 406 text: "... inequivalent arg 'x-max-length' ... but current is the value '3' of type ..."
    private static final Pattern CURRENT_MAX_LENGTH =
            Pattern.compile("inequivalent arg 'x-max-length'.*current is the value '(\\d+)'");
    private static final String ANONYMOUS_PREFIX = "anon.";
    private static final long MAX_FULL_BACKOFF_MS = 100;

    private final Connection connection;
    private final Topology topology;
    private final String name;
    private final String brokerQueue;
    private final int maxsize;
    private final boolean deleteOnClose;
    private final ConfirmingPublisher publisher;
    private final Object getLock = new Object();
    private final Object adminLock = new Object();
    private Channel getChannel;   // guarded by getLock
    private Channel adminChannel; // guarded by adminLock
    private volatile boolean closed;

    private AmqpQueue(Connection connection, Topology topology, String name, int maxsize, boolean deleteOnClose,
                      int maxMessageSize) {
        this.connection = connection;
        this.topology = topology;
        this.name = name;
        this.brokerQueue = topology.userQueue(name);
        this.maxsize = maxsize;
        this.deleteOnClose = deleteOnClose;
        this.publisher = new ConfirmingPublisher(connection, maxMessageSize);
    }

    /** Creates the queue, or opens it if it exists with the same maxsize (Python's {@code Queue(maxsize)}). */
    public static AmqpQueue create(Connection connection, Topology topology, String name, int maxsize,
                                   int maxMessageSize) {
        boolean anonymous = name == null;
        String actualName = anonymous ? ANONYMOUS_PREFIX + UUID.randomUUID() : validName(name);
        if (maxsize < 0) {
            throw new IllegalArgumentException("maxsize must be 0 (unbounded) or positive, got " + maxsize);
        }
        declare(connection, topology, actualName, maxsize);
        return new AmqpQueue(connection, topology, actualName, maxsize, anonymous, maxMessageSize);
    }

    /** Opens a queue that a reference names (a queue passed as an argument); it must exist. */
    public static AmqpQueue open(Connection connection, Topology topology, QueueRef ref, int maxMessageSize) {
        requireExists(connection, topology, validName(ref.name()));
        return new AmqpQueue(connection, topology, ref.name(), ref.maxsize(), false, maxMessageSize);
    }

    /** Opens an existing queue by name, finding out its maxsize from the broker. */
    public static AmqpQueue openExisting(Connection connection, Topology topology, String name, int maxMessageSize) {
        String valid = validName(name);
        requireExists(connection, topology, valid);
        return new AmqpQueue(connection, topology, valid, discoverMaxsize(connection, topology, valid), false,
                maxMessageSize);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int maxsize() {
        return maxsize;
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
        byte[] body = WireCodec.encodeValue(item); // a value that cannot travel fails here, before anything is sent
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
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative");
        }
        return take(timeout);
    }

    @Override
    public Object getNowait() {
        synchronized (getLock) {
            ensureOpen();
            try {
                Channel channel = getChannel();
                GetResponse response = channel.basicGet(brokerQueue, false);
                if (response == null) {
                    throw new QueueEmptyException("queue '" + name + "' is empty");
                }
                return handOver(channel, response.getEnvelope().getDeliveryTag(), response.getBody());
            } catch (IOException | AlreadyClosedException e) {
                throw failure("get from", e);
            }
        }
    }

    /** Subscribes for as long as the caller waits: the broker pushes the item, nothing polls. */
    private Object take(Duration timeout) {
        synchronized (getLock) {
            ensureOpen();
            Channel channel;
            OneShotConsumer consumer;
            try {
                channel = getChannel();
                consumer = new OneShotConsumer(channel);
                channel.basicConsume(brokerQueue, false, consumer);
            } catch (IOException | AlreadyClosedException e) {
                throw failure("get from", e);
            }
            Item item = null;
            try {
                item = timeout == null ? consumer.inbox.take() : consumer.inbox.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                consumer.stop();
                consumer.requeueRest(null);
                throw new MpException("interrupted while waiting on queue '" + name + "'", e);
            }
            consumer.stop();
            if (item == null) {
                item = consumer.inbox.poll(); // arrived between the timeout and cancel-ok: still ours
            }
            consumer.requeueRest(item);
            if (item == null) {
                throw new QueueEmptyException("queue '" + name + "' stayed empty for " + describe(timeout));
            }
            if (item == Item.CANCELLED) {
                throw new QueueNotFoundException("queue '" + name + "' was deleted while waiting on it");
            }
            return handOver(channel, item.deliveryTag, item.body);
        }
    }

    /** Decodes, then acknowledges: an item is only removed from the broker once the caller has it. */
    private Object handOver(Channel channel, long deliveryTag, byte[] body) {
        Object value;
        try {
            JsonNode node = WireCodec.parse(body);
            value = WireCodec.toJava(node, ref -> open(connection, topology, ref, Integer.MAX_VALUE));
        } catch (EncodingException notJson) {
            // Put by something else than this library: hand it over as text rather than lose it.
            value = new String(body, StandardCharsets.UTF_8);
        }
        try {
            channel.basicAck(deliveryTag, false);
        } catch (IOException | AlreadyClosedException e) {
            // The broker will deliver the item again to someone: at-least-once, as documented.
            throw failure("acknowledge an item of", e);
        }
        return value;
    }

    private record Item(long deliveryTag, byte[] body) {
        static final Item CANCELLED = new Item(-1, new byte[0]);
    }

    /**
     * Receives at most one item (prefetch 1). stop() cancels and waits for cancel-ok, which the
     * client dispatches after any delivery that preceded it; a delivery nobody took is requeued.
     */
    private static final class OneShotConsumer extends DefaultConsumer {
        final BlockingQueue<Item> inbox = new LinkedBlockingQueue<>();
        private final CountDownLatch cancelled = new CountDownLatch(1);

        OneShotConsumer(Channel channel) {
            super(channel);
        }

        @Override
        public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties props, byte[] body) {
            inbox.add(new Item(envelope.getDeliveryTag(), body));
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

        void stop() {
            try {
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
        void requeueRest(Item kept) {
            for (Item extra; (extra = inbox.poll()) != null; ) {
                if (extra != kept && extra != Item.CANCELLED) {
                    try {
                        getChannel().basicNack(extra.deliveryTag, false, true);
                    } catch (IOException | AlreadyClosedException ignored) {
                        // channel gone: the broker requeues it anyway
                    }
                }
            }
        }
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
        synchronized (getLock) {
            Channels.closeQuietly(getChannel);
        }
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

    private Channel getChannel() throws IOException {
        if (getChannel == null || !getChannel.isOpen()) {
            getChannel = connection.createChannel();
            getChannel.basicQos(1);
        }
        return getChannel;
    }

    static Map<String, Object> arguments(String name, int maxsize) {
        Map<String, Object> args = new HashMap<>();
        if (maxsize > 0) {
            args.put("x-max-length", maxsize);
            args.put("x-overflow", "reject-publish");
        }
        if (name.startsWith(ANONYMOUS_PREFIX)) {
            args.put("x-expires", Topology.ANONYMOUS_QUEUE_EXPIRES.toMillis());
        }
        return args;
    }

    private static void declare(Connection connection, Topology topology, String name, int maxsize) {
        try {
            Channels.withTemporaryChannel(connection, ch ->
                    ch.queueDeclare(topology.userQueue(name), true, false, false, arguments(name, maxsize)));
        } catch (IOException e) {
            if (Channels.replyCode(e) == 406) {
                throw new MpException("queue '" + name + "' already exists with other settings than maxsize "
                        + maxsize + " (" + Channels.replyText(e) + "); open it without a maxsize or delete it first");
            }
            throw new ConnectionLostException("could not create queue '" + name + "': " + e.getMessage(), e);
        }
    }

    private static void requireExists(Connection connection, Topology topology, String name) {
        try {
            Channels.withTemporaryChannel(connection, ch -> ch.queueDeclarePassive(topology.userQueue(name)));
        } catch (IOException e) {
            if (Channels.replyCode(e) == 404) {
                throw new QueueNotFoundException("no queue named '" + name + "' (create it first)");
            }
            throw new ConnectionLostException("could not open queue '" + name + "': " + e.getMessage(), e);
        }
    }

    /**
     * AMQP 0-9-1 cannot read a queue's arguments, but RabbitMQ names the current x-max-length
     * when a declaration disagrees with it. Declaring "unbounded" therefore either succeeds
     * (it is unbounded) or tells us the bound. Only used to open a queue by name alone.
     */
    private static int discoverMaxsize(Connection connection, Topology topology, String name) {
        try {
            Channels.withTemporaryChannel(connection, ch ->
                    ch.queueDeclare(topology.userQueue(name), true, false, false, arguments(name, 0)));
            return 0;
        } catch (IOException e) {
            Matcher matcher = CURRENT_MAX_LENGTH.matcher(Channels.replyText(e));
            return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
        }
    }

    private static String validName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("queue name must be 1-200 characters of letters, digits, '_', '.', ':' "
                    + "or '-', got: " + name);
        }
        return name;
    }

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
