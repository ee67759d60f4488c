package org.multiprocessing4j.worker.internal.control;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.multiprocessing4j.errors.EncodingException;
import org.multiprocessing4j.internal.amqp.Channels;
import org.multiprocessing4j.internal.amqp.ConfirmingPublisher;
import org.multiprocessing4j.internal.amqp.OnLiveChannelsOnly;
import org.multiprocessing4j.internal.amqp.Outgoing;
import org.multiprocessing4j.internal.amqp.Topology;
import org.multiprocessing4j.internal.wire.CancelMessage;
import org.multiprocessing4j.internal.wire.Envelopes;
import org.multiprocessing4j.internal.wire.MessageType;
import org.multiprocessing4j.internal.wire.WireCodec;
import org.multiprocessing4j.worker.internal.pipeline.Cancellations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the cancellation stream from its beginning, then follows it: a terminate() issued while
 * this worker was not even running still stops the job when it arrives here.
 *
 * <p>Catching up: the listener appends a marker of its own to the stream and waits to read it
 * back; everything before the marker has then been applied, and only then does the worker start
 * taking jobs.
 *
 * <p>Staying subscribed: after a reconnection, a channel error or a cancel from the broker, the
 * listener subscribes again by itself, from the offset after the last cancellation it read, and
 * retries until it works. amqp-client's own recovery would subscribe once, from the beginning, and
 * give up for good if the stream has no replica on the node yet (right after a node restart:
 * "does not have a replica on the local node"); a worker would then never see a terminate again.
 */
public final class CancellationListener implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CancellationListener.class);
    private static final int PREFETCH = 500;
    private static final long RETRY_MILLIS = 500;

    private final Connection connection;
    private final Topology topology;
    private final Cancellations cancellations;
    private final String marker = "catch-up-marker:" + UUID.randomUUID();
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final ScheduledExecutorService resubscriber = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mp4j-cancellations-resubscribe");
        thread.setDaemon(true);
        return thread;
    });
    /** The stream offset of the last cancellation read; -1 before the first. */
    private volatile long lastOffset = -1;
    private volatile Channel channel;
    private volatile boolean closed;
    private boolean retrying;

    public CancellationListener(Connection connection, Topology topology, Cancellations cancellations) throws IOException {
        this.connection = connection;
        this.topology = topology;
        this.cancellations = cancellations;
        subscribe();
        if (connection instanceof Recoverable recoverable) {
            recoverable.addRecoveryListener(new RecoveryListener() {
                @Override
                public void handleRecovery(Recoverable recovered) {
                    resubscribeSoon("reconnected");
                }

                @Override
                public void handleRecoveryStarted(Recoverable recovering) {
                    // nothing to do until the link is back
                }
            });
        }
    }

    private synchronized void subscribe() throws IOException {
        Channel previous = channel;
        channel = null;
        Channels.closeQuietly(previous);
        Channel ch = connection.createChannel();
        try {
            ch.basicQos(PREFETCH); // streams require a prefetch and acknowledgements
            Object offset = lastOffset < 0 ? "first" : (Object) (lastOffset + 1);
            ch.basicConsume(topology.cancellationStream(), false,
                    OnLiveChannelsOnly.OWN_RECOVERY_TAG + "cancellations." + UUID.randomUUID(), false, false,
                    Map.of("x-stream-offset", offset), new StreamConsumer(ch));
        } catch (IOException | RuntimeException e) {
            Channels.closeQuietly(ch);
            throw e;
        }
        channel = ch;
    }

    private final class StreamConsumer extends DefaultConsumer {
        StreamConsumer(Channel channel) {
            super(channel);
        }

        @Override
        public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
                throws IOException {
            apply(properties, body);
            Object offset = properties.getHeaders() == null ? null : properties.getHeaders().get("x-stream-offset");
            if (offset instanceof Number number) {
                lastOffset = number.longValue();
            }
            getChannel().basicAck(envelope.getDeliveryTag(), false);
        }

        @Override
        public void handleCancel(String consumerTag) {
            if (getChannel() == channel) {
                resubscribeSoon("the broker cancelled the subscription");
            }
        }

        @Override
        public void handleShutdownSignal(String consumerTag, ShutdownSignalException sig) {
            // A connection loss is followed by recovery (handleRecovery); a channel error is not.
            if (getChannel() == channel && !sig.isHardError() && !sig.isInitiatedByApplication()) {
                resubscribeSoon("the broker closed the channel: " + sig.getMessage());
            }
        }
    }

    /** Not on the connection's thread: subscribing waits for replies only that thread reads. */
    private synchronized void resubscribeSoon(String why) {
        if (closed || retrying) {
            return;
        }
        retrying = true;
        log.debug("subscribing to the cancellation stream again ({})", why);
        resubscriber.execute(() -> resubscribe(1, why));
    }

    private void resubscribe(int attempt, String why) {
        if (closed) {
            return;
        }
        try {
            subscribe();
            synchronized (this) {
                retrying = false;
            }
            if (attempt > 1) {
                log.info("subscribed to the cancellation stream again after {} attempts ({})", attempt, why);
            }
        } catch (IOException | RuntimeException e) {
            if (attempt == 1 || attempt % 60 == 0) {
                log.warn("cannot subscribe to the cancellation stream yet ({}); retrying every {} ms until it works",
                        Channels.replyCode(e) > 0 ? Channels.replyText(e) : e.toString(), RETRY_MILLIS);
            }
            if (!closed) {
                resubscriber.schedule(() -> resubscribe(attempt + 1, why), RETRY_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
    }

    private void apply(AMQP.BasicProperties properties, byte[] body) {
        if (!MessageType.CANCEL.equals(properties.getType())) {
            return;
        }
        try {
            CancelMessage message = WireCodec.decodeCancel(body);
            if (marker.equals(message.id())) {
                caughtUp.countDown();
            } else {
                cancellations.cancel(message);
            }
        } catch (EncodingException e) {
            log.warn("ignoring an invalid cancellation: {}", e.getMessage());
        }
    }

    /** Appends this listener's marker and waits until it has read everything before it. */
    public boolean catchUp(ConfirmingPublisher publisher, Topology topology, Duration timeout) {
        byte[] body = WireCodec.encode(CancelMessage.of(marker, CancelMessage.Signal.TERMINATE, System.currentTimeMillis()));
        publisher.publish(Outgoing.toQueue(topology.cancellationStream(), Envelopes.cancel(marker), body));
        try {
            return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        closed = true;
        resubscriber.shutdownNow();
        Channels.closeQuietly(channel);
    }
}
