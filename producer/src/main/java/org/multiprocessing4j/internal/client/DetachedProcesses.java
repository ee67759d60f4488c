package org.multiprocessing4j.internal.client;

import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.multiprocessing4j.OutputSink;
import org.multiprocessing4j.connection.BrokerSettings;
import org.multiprocessing4j.errors.ConnectionLostException;
import org.multiprocessing4j.errors.EncodingException;
import org.multiprocessing4j.errors.MpException;
import org.multiprocessing4j.internal.amqp.Channels;
import org.multiprocessing4j.internal.amqp.ConfirmingPublisher;
import org.multiprocessing4j.internal.amqp.Connector;
import org.multiprocessing4j.internal.amqp.Topology;
import org.multiprocessing4j.internal.wire.CancelMessage;
import org.multiprocessing4j.internal.wire.JobMessage;
import org.multiprocessing4j.internal.wire.Reply;
import org.multiprocessing4j.internal.wire.WireCodec;

/**
 * Processes started by one command and looked after by others ({@code producer process start
 * --detach}, then {@code status}, {@code wait}, {@code terminate} from any terminal). The job id
 * names the process, and its replies wait in a reply queue named after it for a day.
 */
public final class DetachedProcesses {
    private static final int MAX_PEEK = 100_000;

    private DetachedProcesses() {
    }

    /** Publishes the job with a reply queue of its own and returns once the broker has it. */
    public static void start(BrokerSettings settings, JobMessage job) {
        Topology topology = new Topology(settings.namespace());
        Connection connection = Connector.connect(settings, "producer (detached start " + job.id() + ")");
        try (ConfirmingPublisher publisher = new ConfirmingPublisher(connection, settings.maxMessageSize())) {
            ClientCore.ReplyQueueSpec reply = ClientCore.ReplyQueueSpec.detached(job.id());
            String replyQueue = topology.replyQueue(reply.id());
            ClientCore.declare(connection, topology, replyQueue, reply.expiry());
            new JobPublisher(publisher, topology, replyQueue, () -> { }).publish(job).join();
        } catch (IOException e) {
            throw ClientCore.setupFailure(settings, e);
        } catch (CompletionException e) {
            throw e.getCause() instanceof MpException mp ? mp : new MpException(e.getMessage(), e);
        } finally {
            ClientCore.closeQuietly(connection);
        }
    }

    /**
     * The replies a detached process has sent so far, without taking them: they are read with
     * basic.get and not acknowledged, so closing the channel puts them back in order.
     */
    public static List<Reply> peek(BrokerSettings settings, String jobId) {
        Topology topology = new Topology(settings.namespace());
        Connection connection = Connector.connect(settings, "producer (process status " + jobId + ")");
        try {
            Channel channel = connection.createChannel();
            try {
                channel.queueDeclarePassive(topology.replyQueue(jobId));
            } catch (IOException e) {
                if (Channels.replyCode(e) == 404) {
                    throw new IllegalArgumentException("no detached process '" + jobId + "' (never started with "
                            + "--detach, already collected by 'process wait', or expired after a day)");
                }
                throw e;
            }
            List<Reply> replies = new ArrayList<>();
            GetResponse response;
            while (replies.size() < MAX_PEEK && (response = channel.basicGet(topology.replyQueue(jobId), false)) != null) {
                try {
                    replies.add(WireCodec.decodeReply(response.getProps().getType(), response.getBody()));
                } catch (EncodingException ignored) {
                    // not a reply: nothing to show
                }
            }
            Channels.closeQuietly(channel);
            return replies;
        } catch (IOException | AlreadyClosedException e) {
            throw new ConnectionLostException("could not read process " + jobId + ": " + e.getMessage(), e);
        } finally {
            ClientCore.closeQuietly(connection);
        }
    }

    /** A client consuming a detached process's replies, and the handle its result arrives on. */
    public record Attached(ClientCore core, JobHandle handle) {
    }

    /**
     * Consumes the detached process's reply queue, the job followed before the first reply can
     * arrive. The queue stays when the client closes: delete it once the result is in.
     */
    public static Attached attach(BrokerSettings settings, OutputSink sink, String jobId) {
        ClientCore.ReplyQueueSpec detached = ClientCore.ReplyQueueSpec.detached(jobId);
        if (!exists(settings, jobId)) {
            throw new IllegalArgumentException("no detached process '" + jobId + "' (never started with --detach, "
                    + "already collected, or expired after a day)");
        }
        ClientCore core = ClientCore.connect(settings, sink, detached);
        JobHandle handle = core.follow(jobId, "process", null);
        return new Attached(core.startConsuming(), handle);
    }

    private static boolean exists(BrokerSettings settings, String jobId) {
        Topology topology = new Topology(settings.namespace());
        Connection connection = Connector.connect(settings, "producer (process lookup " + jobId + ")");
        try {
            Channels.withTemporaryChannel(connection, channel -> channel.queueDeclarePassive(topology.replyQueue(jobId)));
            return true;
        } catch (IOException e) {
            if (Channels.replyCode(e) == 404) {
                return false;
            }
            throw new ConnectionLostException("could not look up process " + jobId + ": " + e.getMessage(), e);
        } finally {
            ClientCore.closeQuietly(connection);
        }
    }

    /** Appends a terminate/kill request for any job id, from any producer. */
    public static void cancel(BrokerSettings settings, String jobId, CancelMessage.Signal signal,
                              Duration timeout) {
        ClientCore core = ClientCore.connect(settings, OutputSink.discard(), ClientCore.ReplyQueueSpec.fresh());
        try { // no startConsuming(): this client expects no replies
            core.cancel(jobId, signal).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new ConnectionLostException("the broker did not take the cancellation of " + jobId, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MpException("interrupted", e);
        } finally {
            core.close();
        }
    }
}
