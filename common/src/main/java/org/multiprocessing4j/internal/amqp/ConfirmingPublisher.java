package org.multiprocessing4j.internal.amqp;

import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Return;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.multiprocessing4j.errors.ClosedException;
import org.multiprocessing4j.errors.ConnectionLostException;
import org.multiprocessing4j.errors.PayloadTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes with publisher confirms without waiting for each confirm in turn: every publish
 * returns a future that the broker's basic.ack completes, and that fails on basic.nack, on
 * return (mandatory, unroutable), or when the channel or connection goes away before the
 * confirm arrives (outcome unknown: the caller decides whether to publish again).
 *
 * <p>Thread-safe: publishes are serialised on one channel, which this class owns and reopens
 * after a channel-level error (amqp-client's recovery only covers connection loss).
 *
 * <p>Futures complete on a thread of this publisher, in confirm order, never on the connection's
 * I/O thread: a caller may chain blocking broker calls (declare, delete) onto them, which on the
 * I/O thread would wait forever for the answer that thread itself must read.
 */
public final class ConfirmingPublisher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConfirmingPublisher.class);
    // "message size 2000123 is larger than configured max size 1048576"
    private static final Pattern TOO_LARGE = Pattern.compile("message size (\\d+) is larger than configured max size (\\d+)");

    private final Connection connection;
    private final int maxMessageSize;
    private final Object lock = new Object();
    private final ConcurrentNavigableMap<Long, Pending> unconfirmed = new ConcurrentSkipListMap<>();
    private final Map<String, Pending> byMessageId = new ConcurrentHashMap<>();
    private Channel channel; // guarded by lock; opened lazily, replaced after a channel-level error
    private volatile boolean closed;
    private final ExecutorService completions = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mp4j-confirms");
        thread.setDaemon(true);
        return thread;
    });

    public ConfirmingPublisher(Connection connection, int maxMessageSize) {
        this.connection = connection;
        this.maxMessageSize = maxMessageSize;
    }

    private record Pending(Outgoing message, CompletableFuture<Void> future, String[] returnedBecause) {
        Pending(Outgoing message) {
            this(message, new CompletableFuture<>(), new String[1]);
        }
    }

    /** Publishes and returns at once; the future completes when the broker confirms. */
    public CompletableFuture<Void> publish(Outgoing message) {
        if (message.body().length > maxMessageSize) {
            return CompletableFuture.failedFuture(tooLarge(message.body().length, maxMessageSize));
        }
        Pending pending = new Pending(message);
        synchronized (lock) {
            if (closed) {
                return CompletableFuture.failedFuture(new ClosedException("publisher is closed"));
            }
            long seqNo = -1;
            try {
                Channel ch = channel();
                seqNo = ch.getNextPublishSeqNo();
                unconfirmed.put(seqNo, pending);
                byMessageId.put(message.properties().getMessageId(), pending);
                ch.basicPublish(message.exchange(), message.routingKey(), message.mandatory(),
                        message.properties(), message.body());
            } catch (IOException | AlreadyClosedException e) {
                unconfirmed.remove(seqNo, pending);
                byMessageId.remove(message.properties().getMessageId(), pending);
                pending.future.completeExceptionally(
                        new ConnectionLostException("could not publish: " + e.getMessage(), e));
            }
        }
        return pending.future;
    }

    /** Number of publishes still waiting for their confirm. */
    public int unconfirmedCount() {
        return unconfirmed.size();
    }

    private Channel channel() throws IOException {
        if (channel == null || !channel.isOpen()) {
            Channel ch = connection.createChannel();
            ch.confirmSelect();
            ch.addConfirmListener(this::acked, this::nacked);
            ch.addReturnListener(this::returned);
            ch.addShutdownListener(cause -> channelClosed(ch, cause));
            channel = ch;
        }
        return channel;
    }

    private void acked(long seqNo, boolean multiple) {
        List<Pending> confirmed = take(seqNo, multiple);
        completeLater(() -> confirmed.forEach(this::completeAcked));
    }

    private void completeAcked(Pending pending) {
        String returnedBecause = pending.returnedBecause[0];
        if (returnedBecause == null) {
            pending.future.complete(null);
        } else {
            pending.future.completeExceptionally(new PublishRejectedException(
                    "no queue '" + pending.message.routingKey() + "' took the message (" + returnedBecause + ")", true));
        }
    }

    private void nacked(long seqNo, boolean multiple) {
        List<Pending> refused = take(seqNo, multiple);
        completeLater(() -> refused.forEach(pending -> pending.future.completeExceptionally(new PublishRejectedException(
                "queue '" + pending.message.routingKey() + "' refused the message (basic.nack)", false))));
    }

    private void completeLater(Runnable completion) {
        try {
            completions.execute(completion);
        } catch (RejectedExecutionException closedAlready) {
            completion.run();
        }
    }

    /** A return always arrives before the confirm of the same message: remember it for acked(). */
    private void returned(Return returned) {
        Pending pending = byMessageId.get(returned.getProperties().getMessageId());
        if (pending != null) {
            pending.returnedBecause[0] = returned.getReplyText();
        }
    }

    private List<Pending> take(long seqNo, boolean multiple) {
        Map<Long, Pending> done = multiple ? unconfirmed.headMap(seqNo, true) : singleton(seqNo);
        List<Pending> taken = new ArrayList<>(done.values());
        done.clear();
        taken.forEach(p -> byMessageId.remove(p.message.properties().getMessageId(), p));
        return taken;
    }

    private Map<Long, Pending> singleton(long seqNo) {
        return unconfirmed.subMap(seqNo, true, seqNo, true);
    }

    /**
     * Whatever is unconfirmed when the channel goes away has an unknown outcome. A channel closed
     * by the broker for an oversized message names the size, which tells us which publish it was.
     */
    private void channelClosed(Channel ch, ShutdownSignalException cause) {
        synchronized (lock) {
            if (channel == ch && !cause.isHardError()) {
                channel = null; // channel-level error: recovery will not reopen it, we will
            }
        }
        if (cause.isInitiatedByApplication() && !cause.isHardError() && unconfirmed.isEmpty()) {
            return;
        }
        Matcher tooLarge = TOO_LARGE.matcher(String.valueOf(cause.getMessage()));
        Integer oversized = null;
        int limit = 0;
        if (tooLarge.find()) {
            oversized = Integer.valueOf(tooLarge.group(1));
            limit = Integer.parseInt(tooLarge.group(2));
            log.warn("broker refused a message of {} bytes (its max_message_size is {})", oversized, limit);
        }
        List<Pending> unknown = take(Long.MAX_VALUE, true);
        Integer tooLargeSize = oversized;
        int tooLargeLimit = limit;
        completeLater(() -> {
            for (Pending pending : unknown) {
                if (tooLargeSize != null && pending.message.body().length == tooLargeSize) {
                    pending.future.completeExceptionally(tooLarge(tooLargeSize, tooLargeLimit));
                } else {
                    pending.future.completeExceptionally(new ConnectionLostException(
                            "channel closed before the broker confirmed the message: " + reason(cause), cause));
                }
            }
        });
    }

    private static String reason(ShutdownSignalException cause) {
        String message = cause.getMessage();
        return message == null ? "unknown reason" : message;
    }

    private static PayloadTooLargeException tooLarge(int size, int limit) {
        return new PayloadTooLargeException(String.format(
                "message of %,d bytes is larger than the broker accepts (max_message_size %,d bytes)", size, limit));
    }

    @Override
    public void close() {
        Channel ch;
        synchronized (lock) {
            closed = true;
            ch = channel;
            channel = null;
        }
        if (ch != null && ch.isOpen()) {
            try {
                ch.close();
            } catch (IOException | TimeoutException | AlreadyClosedException e) {
                log.debug("closing publisher channel: {}", e.toString());
            }
        }
        for (Pending pending : take(Long.MAX_VALUE, true)) {
            pending.future.completeExceptionally(new ClosedException("publisher closed before the broker confirmed"));
        }
        completions.shutdown();
    }
}
