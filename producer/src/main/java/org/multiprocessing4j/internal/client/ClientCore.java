package org.multiprocessing4j.internal.client;

import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.multiprocessing4j.OutputSink;
import org.multiprocessing4j.connection.BrokerSettings;
import org.multiprocessing4j.errors.MpException;
import org.multiprocessing4j.internal.amqp.AmqpQueue;
import org.multiprocessing4j.internal.amqp.Channels;
import org.multiprocessing4j.internal.amqp.ConfirmingPublisher;
import org.multiprocessing4j.internal.amqp.Connector;
import org.multiprocessing4j.internal.amqp.Outgoing;
import org.multiprocessing4j.internal.amqp.Topology;
import org.multiprocessing4j.internal.wire.CancelMessage;
import org.multiprocessing4j.internal.wire.Envelopes;
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

    private ClientCore(BrokerSettings settings, Connection connection, Topology topology, String clientId,
                       String replyQueue, ConfirmingPublisher publisher, ReplyRouter router) {
        this.settings = settings;
        this.connection = connection;
        this.topology = topology;
        this.clientId = clientId;
        this.replyQueue = replyQueue;
        this.publisher = publisher;
        this.jobs = new JobPublisher(publisher, topology, replyQueue);
        this.router = router;
    }

    /**
     * @param clientId        names the reply queue; null for a fresh one. A detached process uses a
     *                        known id so that another producer can collect its replies later.
     * @param replyExpiry     how long the reply queue outlives its last consumer
     */
    public static ClientCore connect(BrokerSettings settings, OutputSink sink, String clientId, Duration replyExpiry) {
        Topology topology = new Topology(settings.namespace());
        String id = clientId != null ? clientId : newClientId();
        Connection connection = Connector.connect(settings, "producer " + id);
        try {
            String replyQueue = topology.replyQueue(id);
            Channels.withTemporaryChannel(connection, channel -> {
                topology.declareJobs(channel);
                topology.declareCancellations(channel);
                topology.declareControl(channel);
                topology.declareReplyQueue(channel, replyQueue, replyExpiry);
                return null;
            });
            ReplyRouter router = new ReplyRouter(connection, replyQueue, sink);
            return new ClientCore(settings, connection, topology, id, replyQueue,
                    new ConfirmingPublisher(connection, settings.maxMessageSize()), router);
        } catch (IOException | RuntimeException e) {
            closeQuietly(connection);
            if (Channels.replyCode(e) == 406) {
                throw new MpException("the broker's queues for namespace '" + settings.namespace()
                        + "' were declared with other settings: " + Channels.replyText(e), e);
            }
            throw new MpException("could not set up the producer: " + e.getMessage(), e);
        }
    }

    public static String newClientId() {
        return ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String newJobId() {
        return UUID.randomUUID().toString();
    }

    /** Registers the job, then publishes it; the handle's result completes with the first result reply. */
    public JobHandle submit(JobMessage job, String processName) {
        JobHandle handle = new JobHandle(job.id(), job.task(), processName);
        router.register(handle);
        jobs.publish(job).whenComplete((ok, failure) -> {
            if (failure != null) {
                router.unregister(job.id());
                handle.result().completeExceptionally(failure instanceof java.util.concurrent.CompletionException
                        ? failure.getCause() : failure);
            }
        });
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

    @Override
    public void close() {
        router.close();
        publisher.close();
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        try {
            if (connection.isOpen()) {
                connection.close(5_000);
            }
        } catch (IOException | RuntimeException ignored) {
            // closing anyway
        }
    }
}
