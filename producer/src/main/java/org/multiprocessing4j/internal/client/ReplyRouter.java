package org.multiprocessing4j.internal.client;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.multiprocessing4j.errors.ClosedException;
import org.multiprocessing4j.errors.EncodingException;
import org.multiprocessing4j.internal.amqp.Channels;
import org.multiprocessing4j.internal.wire.OutputReply;
import org.multiprocessing4j.internal.wire.ProgressReply;
import org.multiprocessing4j.internal.wire.Reply;
import org.multiprocessing4j.internal.wire.ResultReply;
import org.multiprocessing4j.internal.wire.StartedReply;
import org.multiprocessing4j.internal.wire.WireCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes this producer's reply queue and hands each reply to the job waiting for it: start
 * (which worker, which pid), output lines (shown once each, in order), and the first result.
 * Replies for jobs nobody waits for any more (duplicates of a job run twice) are dropped.
 *
 * <p>Like a requester's map from correlation id to future: {@link #register} before publishing,
 * the result completes the handle, {@link #close} leaves nothing waiting forever.
 */
public final class ReplyRouter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReplyRouter.class);
    private static final int PREFETCH = 1000;

    private final Map<String, JobHandle> waiting = new ConcurrentHashMap<>();
    /** Jobs finished here without their worker's result (terminated while queued): its late result is expected. */
    private final Set<String> settledLocally = ConcurrentHashMap.newKeySet();
    private final OutputListener output;
    private final AtomicLong duplicateResults = new AtomicLong();
    private final Connection connection;
    private final String replyQueue;
    private final QueueDeclaration declareReplyQueue;
    private final Runnable onQueueLost;
    private volatile Channel channel;
    private volatile boolean closed;

    /** Declares the reply queue on a channel (idempotent: the same arguments every time). */
    @FunctionalInterface
    public interface QueueDeclaration {
        void declare(Channel channel) throws IOException;
    }

    /** Receives each output line once, in order per job, on the router's thread. */
    @FunctionalInterface
    public interface OutputListener {
        void line(JobHandle handle, OutputReply line);
    }

    /**
     * @param onQueueLost told (on a background thread) when the reply queue had to be declared again
     *                    because it was gone, with whatever results it held: the jobs still waiting
     *                    must be asked for again
     */
    public ReplyRouter(Connection connection, String replyQueue, QueueDeclaration declareReplyQueue,
                       OutputListener output, Runnable onQueueLost) {
        this.onQueueLost = onQueueLost;
        this.output = output;
        this.replyQueue = replyQueue;
        this.connection = connection;
        this.declareReplyQueue = declareReplyQueue;
    }

    /**
     * Starts consuming. Separate from construction so that a client collecting replies published
     * earlier (a detached process) registers its job first: a reply for a job nobody waits for is dropped.
     *
     * <p>The queue is declared on a channel of its own, not the consuming one, so that connection
     * recovery does not declare it again silently: if it is gone after a reconnection (a broker
     * restart lost it, someone deleted it), recovering the consumer fails, this router finds the
     * queue missing, declares it and has the waiting jobs asked for again ({@code onQueueLost}).
     */
    public synchronized void start() throws IOException {
        try {
            Channels.withTemporaryChannel(connection, ch -> {
                declareReplyQueue.declare(ch);
                return null;
            });
        } catch (IOException e) {
            if (Channels.replyCode(e) != 406) {
                throw e;
            }
            // A worker declared it again while this producer was away (ReplySender), with the default
            // expiry rather than ours: it is our queue all the same, with our results in it.
            log.info("the reply queue {} exists with other arguments ({}); consuming it as it is", replyQueue,
                    Channels.replyText(e));
        }
        consume(connection.createChannel());
    }

    private void consume(Channel ch) throws IOException {
        try {
            ch.basicQos(PREFETCH);
            ch.addShutdownListener(cause -> {
                // A channel error (a consumer timeout, a consumer recovered before its queue) closes only
                // this channel and connection recovery will not reopen it: consume again, or every result
                // from now on would be stranded. Only for the live channel: one that failed in start()
                // is the retry loop's business.
                if (ch == channel && !cause.isHardError() && !cause.isInitiatedByApplication() && !closed) {
                    log.warn("the broker closed the reply channel ({}); consuming again", cause.getMessage());
                    consumeAgainInBackground(null);
                }
            });
            ch.basicConsume(replyQueue, false, new DefaultConsumer(ch) {
                /** The broker cancels us when the reply queue is deleted: declare it again and consume. */
                @Override
                public void handleCancel(String consumerTag) {
                    if (ch == channel && !closed) {
                        log.warn("the reply queue {} was deleted; declaring it again", replyQueue);
                        consumeAgainInBackground(ch);
                    }
                }

                /**
                 * Each reply is acknowledged as soon as it is routed: one held back would count against the
                 * broker's consumer timeout (30 min by default) and get the channel closed.
                 */
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
                        throws IOException {
                    try {
                        route(properties, body);
                    } catch (RuntimeException e) {
                        // A faulty reply (or a failing output sink) must not end the consumer: every later
                        // reply would be stranded. Log it and carry on.
                        log.warn("dropping a reply that could not be handled: {}", e.toString());
                    }
                    try {
                        getChannel().basicAck(envelope.getDeliveryTag(), false);
                    } catch (AlreadyClosedException closing) {
                        // closed while this reply was in flight: nobody waits for it any more
                    }
                }
            });
        } catch (IOException | RuntimeException e) {
            Channels.closeQuietly(ch);
            throw e;
        }
        channel = ch;
    }

    /**
     * Not on the calling thread: a shutdown listener runs on the connection's thread, and opening
     * a channel there waits for a reply that only that thread could read.
     */
    private void consumeAgainInBackground(Channel abandoned) {
        Thread retry = new Thread(() -> {
            Channels.closeQuietly(abandoned);
            consumeAgain();
        }, "mp4j-reply-reconsume");
        retry.setDaemon(true);
        retry.start();
    }

    /** Until it works or this router closes: a broker coming back may refuse for a while. */
    private void consumeAgain() {
        boolean lost = false;
        for (int attempt = 1; !closed; attempt++) {
            try {
                lost |= missing();
                start();
                log.info("consuming the reply queue again (attempt {})", attempt);
                if (lost && !closed) {
                    onQueueLost.run();
                }
                return;
            } catch (IOException | RuntimeException e) {
                if (attempt == 1 || attempt % 30 == 0) {
                    log.warn("could not consume the reply queue yet (attempt {}): {}", attempt, e.toString());
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** True if the reply queue does not exist (a passive declaration gets 404). */
    private boolean missing() throws IOException {
        try {
            Channels.withTemporaryChannel(connection, ch -> ch.queueDeclarePassive(replyQueue));
            return false;
        } catch (IOException e) {
            if (Channels.replyCode(e) == 404) {
                return true;
            }
            throw e;
        }
    }

    /** The jobs still waiting for a result here. */
    public java.util.Collection<JobHandle> waiting() {
        return java.util.List.copyOf(waiting.values());
    }

    /** Fails every job still waiting with {@code failure} (they can no longer complete here). */
    public void failWaiting(java.util.function.Function<JobHandle, RuntimeException> failure) {
        for (JobHandle handle : waiting()) {
            if (waiting.remove(handle.id(), handle)) {
                handle.result().completeExceptionally(failure.apply(handle));
            }
        }
    }

    public void register(JobHandle handle) {
        waiting.put(handle.id(), handle);
    }

    /** Forget a job that was settled here (cancelled before its worker answered); a late result is not a duplicate. */
    public void unregister(String jobId) {
        if (waiting.remove(jobId) != null) {
            if (settledLocally.size() > 100_000) {
                settledLocally.clear(); // bounded: at worst a very late result is counted as a duplicate
            }
            settledLocally.add(jobId);
        }
    }

    /** Results that arrived for a job that already had one: the job ran more than once. */
    public long duplicateResults() {
        return duplicateResults.get();
    }

    /** The latest progress of a job still waited for ({done, total}), or null. */
    public long[] progress(String jobId) {
        JobHandle handle = waiting.get(jobId);
        return handle == null ? null : handle.progress();
    }

    public int waitingCount() {
        return waiting.size();
    }

    private void route(AMQP.BasicProperties properties, byte[] body) {
        Reply reply;
        try {
            reply = WireCodec.decodeReply(properties.getType(), body);
        } catch (EncodingException e) {
            log.warn("dropping an invalid reply: {}", e.getMessage());
            return;
        }
        if (reply instanceof ResultReply result) {
            JobHandle handle = waiting.remove(result.id());
            if (handle == null && settledLocally.remove(result.id())) {
                return;
            }
            if (handle == null || !handle.complete(result)) {
                duplicateResults.incrementAndGet();
            }
            return;
        }
        JobHandle handle = waiting.get(reply.id());
        if (handle == null) {
            return; // a late duplicate's start or output
        }
        if (reply instanceof ProgressReply progress) {
            handle.progressed(progress.done(), progress.total());
        } else if (reply instanceof StartedReply started) {
            handle.started(started.worker(), started.attempt());
        } else if (reply instanceof OutputReply line) {
            OutputLines.show(handle, line, output);
        }
    }

    /** Nothing waits forever: every job still waiting fails with {@link ClosedException}. */
    @Override
    public void close() {
        closed = true;
        Channels.closeQuietly(channel);
        for (JobHandle handle : waiting.values()) {
            handle.result().completeExceptionally(new ClosedException(
                    "the producer was closed before job " + handle.id() + " (" + handle.task() + ") finished"));
        }
        waiting.clear();
    }
}
