package org.multiprocessing4j.internal.client;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.io.IOException;
import org.multiprocessing4j.errors.ConnectionLostException;
import org.multiprocessing4j.errors.EncodingException;
import org.multiprocessing4j.internal.amqp.Channels;
import org.multiprocessing4j.internal.wire.OutputReply;
import org.multiprocessing4j.internal.wire.Reply;
import org.multiprocessing4j.internal.wire.ResultReply;
import org.multiprocessing4j.internal.wire.StartedReply;
import org.multiprocessing4j.internal.wire.WireCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes a detached process's reply queue, exclusively (a second follower is refused rather
 * than sharing the replies): output lines go to the listener, the result completes the handle,
 * and then the queue is deleted: the process is collected. Unlike the client's own reply queue,
 * this one is never declared again, so a collected process stays gone.
 *
 * <p>Nothing is acknowledged before the process is collected: a follower that stops early (a
 * join that timed out) closes its channel and every reply goes back, so the next join or status
 * sees the process from its start. Holding deliveries unacknowledged is bounded in time by the
 * broker's consumer timeout: a caller follows for a while, stops, and follows again.
 */
public final class DetachedFollower implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DetachedFollower.class);

    private final Channel channel;
    private final String queue;
    private final JobHandle handle;

    private DetachedFollower(Channel channel, String queue, JobHandle handle) {
        this.channel = channel;
        this.queue = queue;
        this.handle = handle;
    }

    /** @param handle the process's handle: kept from one follower to the next, so each line is shown once */
    static DetachedFollower start(Connection connection, String queue, JobHandle handle, ReplyRouter.OutputListener output) {
        String jobId = handle.id();
        Channel channel = null;
        try {
            channel = connection.createChannel();
            DetachedFollower follower = new DetachedFollower(channel, queue, handle);
            channel.basicConsume(queue, false, "", false, true, null, new DefaultConsumer(channel) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
                        throws IOException {
                    follower.route(properties, body, output); // acknowledged by deleting the queue at collect()
                }

                @Override
                public void handleCancel(String tag) {
                    handle.result().completeExceptionally(new IllegalArgumentException(
                            "process " + jobId + " was collected by someone else while this one waited"));
                }
            });
            return follower;
        } catch (IOException | AlreadyClosedException e) {
            Channels.closeQuietly(channel);
            int code = Channels.replyCode(e);
            if (code == 404) {
                throw new IllegalArgumentException(DetachedJobs.notFound(jobId));
            }
            if (code == 403 || code == 405) {
                throw new IllegalArgumentException("process " + jobId + " is already being waited for elsewhere "
                        + "(one 'wait' at a time collects a process)");
            }
            throw new ConnectionLostException("could not follow process " + jobId + ": " + e.getMessage(), e);
        }
    }

    /** A new handle for following a process (pass it to every follower of one join). */
    public static JobHandle handleFor(String jobId) {
        return new JobHandle(jobId, "process", null);
    }

    private void route(AMQP.BasicProperties properties, byte[] body, ReplyRouter.OutputListener output) {
        Reply reply;
        try {
            reply = WireCodec.decodeReply(properties.getType(), body);
        } catch (EncodingException e) {
            log.warn("dropping an invalid reply: {}", e.getMessage());
            return;
        }
        try {
            if (reply instanceof StartedReply started) {
                handle.started(started.worker(), started.attempt());
            } else if (reply instanceof OutputReply line) {
                OutputLines.show(handle, line, output);
            } else if (reply instanceof ResultReply result) {
                handle.complete(result);
            }
        } catch (RuntimeException e) {
            log.warn("dropping a reply that could not be handled: {}", e.toString());
        }
    }

    /** The result is in: delete the queue so the id is gone for everyone. */
    public void collect() {
        close();
        try (Channel ch = channel.getConnection().createChannel()) {
            ch.queueDelete(queue);
        } catch (Exception e) {
            // it expires on its own
        }
    }

    /** Stops following without collecting (a join that timed out): every reply goes back for the next one. */
    @Override
    public void close() {
        Channels.closeQuietly(channel);
    }
}
