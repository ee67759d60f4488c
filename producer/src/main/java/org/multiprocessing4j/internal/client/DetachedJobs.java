package org.multiprocessing4j.internal.client;

import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.multiprocessing4j.errors.ConnectionLostException;
import org.multiprocessing4j.errors.EncodingException;
import org.multiprocessing4j.internal.amqp.Channels;
import org.multiprocessing4j.internal.amqp.Topology;
import org.multiprocessing4j.internal.wire.JobMessage;
import org.multiprocessing4j.internal.wire.Reply;
import org.multiprocessing4j.internal.wire.WireCodec;

/**
 * Jobs started by one program and looked after by others (a detached process): the job id names
 * the process, and its replies wait for a day in a reply queue named after it
 * ({@link Topology#replyQueue} of the id), until someone collects them.
 */
public final class DetachedJobs {
    private static final int MAX_PEEK = 100_000;

    private final ClientCore core;

    public DetachedJobs(ClientCore core) {
        this.core = core;
    }

    /** Declares the job's own reply queue, publishes the job, and returns once the broker has it. */
    public CompletableFuture<Void> start(JobMessage job) {
        String replyTo = replyQueue(job.id());
        try {
            Channels.withTemporaryChannel(core.connection(), channel -> {
                core.topology().declareReplyQueue(channel, replyTo, Topology.DETACHED_REPLY_QUEUE_EXPIRES);
                return null;
            });
        } catch (IOException e) {
            return CompletableFuture.failedFuture(
                    new ConnectionLostException("could not declare the process's reply queue: " + e.getMessage(), e));
        }
        return core.submitDetached(job, replyTo);
    }

    /** True while the process's replies wait to be collected (started, not yet collected, not expired). */
    public boolean exists(String jobId) {
        try {
            Channels.withTemporaryChannel(core.connection(), channel -> channel.queueDeclarePassive(replyQueue(jobId)));
            return true;
        } catch (IOException e) {
            if (Channels.replyCode(e) == 404) {
                return false;
            }
            throw new ConnectionLostException("could not look up process " + jobId + ": " + e.getMessage(), e);
        }
    }

    /**
     * The replies sent so far, without taking them: read with basic.get and not acknowledged, so
     * closing the channel puts them back, in order, for whoever collects them.
     */
    public List<Reply> peek(String jobId) {
        Channel channel = null;
        try {
            channel = core.connection().createChannel();
            List<Reply> replies = new ArrayList<>();
            GetResponse response;
            while (replies.size() < MAX_PEEK && (response = channel.basicGet(replyQueue(jobId), false)) != null) {
                try {
                    replies.add(WireCodec.decodeReply(response.getProps().getType(), response.getBody()));
                } catch (EncodingException ignored) {
                    // not a reply: nothing to show
                }
            }
            return replies;
        } catch (IOException | AlreadyClosedException e) {
            if (Channels.replyCode(e) == 404) {
                throw new IllegalArgumentException(notFound(jobId));
            }
            throw new ConnectionLostException("could not read process " + jobId + ": " + e.getMessage(), e);
        } finally {
            Channels.closeQuietly(channel);
        }
    }

    /** Follows the process's replies as they come; see {@link DetachedFollower}. */
    public DetachedFollower follow(JobHandle handle, ReplyRouter.OutputListener output) {
        return DetachedFollower.start(core.connection(), replyQueue(handle.id()), handle, output);
    }

    public static String notFound(String jobId) {
        return "no detached process '" + jobId + "' (never started detached, already collected by a wait, "
                + "or expired after a day)";
    }

    private String replyQueue(String jobId) {
        return core.topology().replyQueue(jobId);
    }
}
