package org.multiprocessing4j.internal.client;

import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.multiprocessing4j.OutputSink;
import org.multiprocessing4j.connection.BrokerSettings;
import org.multiprocessing4j.errors.ConnectionLostException;
import org.multiprocessing4j.errors.MpException;
import org.multiprocessing4j.internal.amqp.AmqpQueue;
import org.multiprocessing4j.internal.amqp.Channels;
import org.multiprocessing4j.internal.amqp.ConfirmingPublisher;
import org.multiprocessing4j.internal.amqp.Connector;
import org.multiprocessing4j.internal.amqp.Outgoing;
import org.multiprocessing4j.internal.amqp.Topology;
import org.multiprocessing4j.internal.wire.CancelMessage;
import org.multiprocessing4j.internal.wire.Envelopes;
import org.multiprocessing4j.internal.wire.Ids;
import org.multiprocessing4j.internal.wire.JobMessage;
import org.multiprocessing4j.internal.wire.QueueOpener;
import org.multiprocessing4j.internal.wire.WireCodec;

/**
 * One producer's connection and what hangs off it: the job publisher, the reply queue and its
 * router, cancellations. Shared by the client's pools, processes and queues.
 */
public final class ClientCore implements AutoCloseable {
    private final BrokerSettings settings;
    private final Connection connection;
    private final Topology topology;
    private final String clientId;
    private final String replyQueue;
    private final ConfirmingPublisher publisher;
    private final JobPublisher jobs;
    private final ReplyRouter router;
    private final boolean keepReplyQueue;

    private ClientCore(BrokerSettings settings, Connection connection, Topology topology, String clientId,
                       String replyQueue, ConfirmingPublisher publisher, ReplyRouter router, boolean keepReplyQueue) {
        this.keepReplyQueue = keepReplyQueue;
        this.settings = settings;
        this.connection = connection;
        this.topology = topology;
        this.clientId = clientId;
        this.replyQueue = replyQueue;
        this.publisher = publisher;
        this.jobs = new JobPublisher(publisher, topology, replyQueue, this::redeclareJobsQueue);
        this.router = router;
    }

    /** Which reply queue a client consumes, how long it outlives its consumer, and whether close() removes it. */
    public record ReplyQueueSpec(String id, Duration expiry, boolean keepOnClose) {
        /** A producer's own reply queue: removed when the producer closes cleanly, expires if it crashes. */
        public static ReplyQueueSpec fresh() {
            return fresh(Topology.REPLY_QUEUE_EXPIRES);
        }

        public static ReplyQueueSpec fresh(Duration expiry) {
            return new ReplyQueueSpec(newClientId(), expiry, false);
        }

        /** A detached process's reply queue, named after its job: kept until someone collects the result. */
        public static ReplyQueueSpec detached(String jobId) {
            return new ReplyQueueSpec(jobId, Topology.DETACHED_REPLY_QUEUE_EXPIRES, true);
        }
    }

    /** Connects and declares; call {@link #startConsuming()} (after following any earlier job) to receive replies. */
    public static ClientCore connect(BrokerSettings settings, OutputSink sink, ReplyQueueSpec reply) {
        Topology topology = new Topology(settings.namespace());
        Connection connection = Connector.connect(settings, "producer " + reply.id());
        try {
            String replyQueue = topology.replyQueue(reply.id());
            declare(connection, topology, replyQueue, reply.expiry());
            ReplyRouter router = new ReplyRouter(connection, replyQueue,
                    channel -> topology.declareReplyQueue(channel, replyQueue, reply.expiry()), sink);
            return new ClientCore(settings, connection, topology, reply.id(), replyQueue,
                    new ConfirmingPublisher(connection, settings.maxMessageSize()), router, reply.keepOnClose());
        } catch (IOException | RuntimeException e) {
            closeQuietly(connection);
            throw setupFailure(settings, e);
        }
    }

    /**
     * Declares what a producer uses: the jobs path, cancellations, control, and its reply queue.
     * The reply queue is declared here too, not only by the router when it starts consuming: a
     * detached process publishes its job (replies go to that queue) before anyone consumes, and a
     * queue declared earlier with other arguments is refused here, at connect, with a clear error.
     */
    static void declare(Connection connection, Topology topology, String replyQueue, Duration expiry) throws IOException {
        Channels.withTemporaryChannel(connection, channel -> {
            topology.declareJobs(channel);
            topology.declareCancellations(channel);
            topology.declareControl(channel);
            topology.declareReplyQueue(channel, replyQueue, expiry);
            return null;
        });
    }

    static MpException setupFailure(BrokerSettings settings, Exception e) {
        if (e instanceof MpException mp && !(e.getCause() instanceof IOException)) {
            return mp;
        }
        if (Channels.replyCode(e) == 406) {
            return new MpException("the broker's queues for namespace '" + settings.namespace()
                    + "' were declared with other settings: " + Channels.replyText(e), e);
        }
        return new MpException("could not set up the producer: " + e.getMessage(), e);
    }

    public static String newClientId() {
        return ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String newJobId() {
        return Ids.jobId();
    }

    /** Registers the job, then publishes it; the handle's result completes with the first result reply. */
    public JobHandle submit(JobMessage job, String processName) {
        JobHandle handle = follow(job.id(), job.task(), processName);
        jobs.publish(job).whenComplete((ok, failure) -> {
            if (failure != null) {
                router.unregister(job.id());
                handle.result().completeExceptionally(failure instanceof java.util.concurrent.CompletionException
                        ? failure.getCause() : failure);
            }
        });
        return handle;
    }

    public ClientCore startConsuming() {
        try {
            router.start();
            return this;
        } catch (IOException e) {
            close();
            throw new ConnectionLostException("could not consume the reply queue " + replyQueue + ": " + e.getMessage(), e);
        }
    }

    private void redeclareJobsQueue() {
        try {
            Channels.withTemporaryChannel(connection, channel -> {
                topology.declareJobs(channel);
                return null;
            });
        } catch (IOException e) {
            throw new ConnectionLostException("could not declare the jobs queue again: " + e.getMessage(), e);
        }
    }

    /** Waits for the replies of a job published earlier (a detached process) without publishing anything. */
    public JobHandle follow(String jobId, String task, String processName) {
        JobHandle handle = new JobHandle(jobId, task, processName);
        router.register(handle);
        return handle;
    }

    /** Appends a cancellation to the stream every worker reads; completes once the broker has it. */
    public CompletableFuture<Void> cancel(String jobId, CancelMessage.Signal signal) {
        byte[] body = WireCodec.encode(CancelMessage.of(jobId, signal, System.currentTimeMillis()));
        return publisher.publish(Outgoing.toQueue(topology.cancellationStream(), Envelopes.cancel(jobId), body));
    }

    /** Queue references in results and items open as live queues on this connection. */
    public QueueOpener queueOpener() {
        return ref -> AmqpQueue.open(connection, topology, ref, settings.maxMessageSize());
    }

    public Connection connection() {
        return connection;
    }

    public Topology topology() {
        return topology;
    }

    public BrokerSettings settings() {
        return settings;
    }

    public String clientId() {
        return clientId;
    }

    public String replyQueue() {
        return replyQueue;
    }

    public ReplyRouter router() {
        return router;
    }

    /** Removes this client's reply queue now (a detached process's, once its result was collected). */
    public void deleteReplyQueue() {
        try {
            Channels.withTemporaryChannel(connection, channel -> channel.queueDelete(replyQueue));
        } catch (IOException | RuntimeException e) {
            // it expires on its own
        }
    }

    /** Fails whatever still waits, removes the reply queue (unless it must outlive us), disconnects. */
    @Override
    public void close() {
        router.close();
        publisher.close();
        if (!keepReplyQueue && connection.isOpen()) {
            deleteReplyQueue();
        }
        closeQuietly(connection);
    }

    static void closeQuietly(Connection connection) {
        try {
            if (connection.isOpen()) {
                connection.close(5_000);
            }
        } catch (IOException | RuntimeException ignored) {
            // closing anyway
        }
    }
}
