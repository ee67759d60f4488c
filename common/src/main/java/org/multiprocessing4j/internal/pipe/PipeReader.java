package org.multiprocessing4j.internal.pipe;

import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import org.multiprocessing4j.errors.ConnectionLostException;
import org.multiprocessing4j.errors.MpException;
import org.multiprocessing4j.errors.QueueNotFoundException;
import org.multiprocessing4j.internal.amqp.Channels;
import org.multiprocessing4j.internal.queue.OneShotConsumer;
import org.multiprocessing4j.internal.shared.SharedContext;
import org.multiprocessing4j.internal.taking.TakeOne;

/**
 * The reading side of a pipe end. {@code poll} takes the next message and keeps it, unacknowledged,
 * for the {@code recv} that follows; {@code recv} acknowledges a message only once it has it in
 * hand, so a reader that dies first leaves it for the next reader of that end.
 */
final class PipeReader {
    /** What {@code close()} sends: a body no value encodes to ({@code __mp4j_} keys are reserved). */
    static final byte[] EOF = "{\"__mp4j_pipe_eof__\":true}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /** How long a reader keeps trying while the client reconnects (amqp-client retries every 5 s by default). */
    private static final Duration LINK_RETRY = Duration.ofSeconds(60);
    private static final long RETRY_PAUSE_MS = 500;

    private final SharedContext context;
    private final String inbox;
    private final String describe;
    private Channel channel;               // guarded by this
    private OneShotConsumer.Item peeked;   // guarded by this; taken, not yet read
    private final SeenIds seen = new SeenIds(); // guarded by this

    PipeReader(SharedContext context, String inbox, String describe) {
        this.context = context;
        this.inbox = context.topology().userQueue(inbox);
        this.describe = describe;
    }

    /** True when a message (or the end) is there; waits at most timeout (null: as long as it takes). */
    synchronized boolean poll(Duration timeout) {
        if (peeked != null) {
            return true;
        }
        long retryUntil = System.nanoTime() + LINK_RETRY.toNanos();
        while (true) {
            try {
                peeked = takeOrPeek(timeout);
                break;
            } catch (IOException | AlreadyClosedException e) {
                // The link dropped under us: the broker kept the message (unacknowledged ones go back).
                // Once the client has reconnected, a fresh channel picks up where this one stopped.
                Channels.closeQuietly(channel);
                channel = null;
                if (System.nanoTime() > retryUntil) {
                    throw new ConnectionLostException("could not read " + describe + ": " + e, e);
                }
                pause();
            }
        }
        if (peeked == OneShotConsumer.Item.CANCELLED) {
            peeked = null;
            throw new QueueNotFoundException(describe + " was deleted (its pipe's creator closed)");
        }
        return peeked != null;
    }

    private OneShotConsumer.Item takeOrPeek(Duration timeout) throws IOException {
        Channel ch = channel();
        if (timeout != null && timeout.isZero()) {
            GetResponse response = ch.basicGet(inbox, false);
            return response == null ? null
                    : new OneShotConsumer.Item(response.getEnvelope().getDeliveryTag(), response.getBody(),
                            response.getProps().getMessageId());
        }
        try {
            return TakeOne.take(ch, inbox, timeout, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MpException("interrupted while waiting on " + describe, e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MpException("interrupted while reconnecting", e);
        }
    }

    /**
     * The next message's body, acknowledged; null at the end of the pipe (the EOF marker stays in
     * the inbox, so every later reader of this end sees the end too).
     */
    synchronized byte[] next() {
        while (true) {
            poll(null);
            OneShotConsumer.Item item = peeked;
            peeked = null;
            try {
                if (Arrays.equals(item.body(), EOF)) {
                    channel.basicNack(item.deliveryTag(), false, true);
                    return null;
                }
                channel.basicAck(item.deliveryTag(), false);
            } catch (IOException | AlreadyClosedException e) {
                // the broker gives the message back to this end's inbox: at-least-once, as queues are
                throw new ConnectionLostException("could not read " + describe + ": " + e, e);
            }
            if (seen.firstTime(item.messageId())) {
                return item.body();
            }
            // The same send twice: its sender sent it again after its link died before the confirm.
        }
    }

    /** Gives back a message polled and not read, and lets the channel go. */
    synchronized void release() {
        if (peeked != null && channel != null && channel.isOpen()) {
            try {
                channel.basicNack(peeked.deliveryTag(), false, true);
            } catch (IOException | AlreadyClosedException ignored) {
                // closing the channel gives it back as well
            }
        }
        peeked = null;
        Channels.closeQuietly(channel);
        channel = null;
    }

    private Channel channel() throws IOException {
        if (channel == null || !channel.isOpen()) {
            peeked = null; // whatever it held, the broker gave back with the channel
            channel = context.connection().createChannel();
            channel.basicQos(1);
        }
        return channel;
    }
}
