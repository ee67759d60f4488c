package org.multiprocessing4j.internal.client;

import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.multiprocessing4j.connection.BrokerSettings;
import org.multiprocessing4j.errors.ConnectionLostException;
import org.multiprocessing4j.errors.JobsQueueTypeException;
import org.multiprocessing4j.errors.MpException;
import org.multiprocessing4j.internal.amqp.Channels;
import org.multiprocessing4j.internal.amqp.ConfirmingPublisher;
import org.multiprocessing4j.internal.amqp.Connector;
import org.multiprocessing4j.internal.amqp.JobRouting;
import org.multiprocessing4j.internal.amqp.Topology;
import org.multiprocessing4j.internal.events.EventLog;
import org.multiprocessing4j.internal.events.EventReader;
import org.multiprocessing4j.internal.wire.JobEvent;
import org.multiprocessing4j.internal.wire.ValueCodec;
import org.multiprocessing4j.internal.kinds.SharedObjects;
import org.multiprocessing4j.internal.queue.AmqpQueue;
import org.multiprocessing4j.internal.wire.CancelMessage;
import org.multiprocessing4j.internal.wire.Ids;
import org.multiprocessing4j.internal.wire.JobMessage;
import org.multiprocessing4j.internal.wire.WorkerInfo;
import org.multiprocessing4j.queue.RemoteQueue;

/**
 * One producer's connection and what hangs off it: the job publisher, the reply queue and its
 * router, cancellations, the shared objects it made or opened, and broker queries. Shared by the
 * client's pools, processes and queues. Knows nothing of the public API's types.
 */
public final class ClientCore implements AutoCloseable {
    /** The submitted event keeps this much of the arguments' JSON text. */
    private static final int SUBMITTED_ARGS_CHARS = 300;
    private final BrokerSettings settings;
    private final Connection connection;
    private final Topology topology;
    private final String replyQueue;
    private final ConfirmingPublisher publisher;
    private final JobPublisher jobs;
    private final ReplyRouter router;
    private final SharedObjects shared;
    private volatile EventLog events = EventLog.off();
    private final JobRouting routing;

    private ClientCore(BrokerSettings settings, Connection connection, Topology topology, String replyQueue,
                       ReplyRouter router) {
        this.settings = settings;
        this.connection = connection;
        this.topology = topology;
        this.replyQueue = replyQueue;
        this.publisher = new ConfirmingPublisher(connection, settings.maxMessageSize());
        this.routing = new JobRouting(connection, topology);
        this.jobs = new JobPublisher(publisher, topology, routing, replyQueue, this::redeclareJobsQueue);
        this.router = router;
        this.shared = new SharedObjects(connection, topology, settings.maxMessageSize());
    }

    /**
     * Connects, declares what a producer uses (jobs path, cancellations, control, its reply queue)
     * and starts consuming replies.
     *
     * @param replyExpiry how long the reply queue outlives this producer if it dies without closing
     */
    public static ClientCore connect(BrokerSettings settings, ReplyRouter.OutputListener output, Duration replyExpiry) {
        Topology topology = new Topology(settings.namespace(), settings.jobsQueue());
        String clientId = ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Connection connection = Connector.connect(settings, "producer " + clientId);
        ClientCore core = null;
        try {
            String replyQueue = topology.replyQueue(clientId);
            Channels.withTemporaryChannel(connection, channel -> {
                topology.declareJobs(channel);
                topology.declareCancellations(channel);
                topology.declareControl(channel);
                // Also declared here, not only by the router on its channel: a queue declared earlier with
                // other arguments is refused now, at connect, with a clear error.
                topology.declareReplyQueue(channel, replyQueue, replyExpiry);
                return null;
            });
            java.util.concurrent.atomic.AtomicReference<LostReplies> lost = new java.util.concurrent.atomic.AtomicReference<>();
            ReplyRouter router = new ReplyRouter(connection, replyQueue,
                    channel -> topology.declareReplyQueue(channel, replyQueue, replyExpiry), output,
                    () -> lost.get().askAgain());
            core = new ClientCore(settings, connection, topology, replyQueue, router);
            lost.set(new LostReplies(router, core.jobs, replyQueue, settings.maskedUri()));
            lost.get().watch(connection);
            router.start();
            return core;
        } catch (IOException | RuntimeException e) {
            if (core != null) {
                core.close();
            } else {
                closeQuietly(connection);
            }
            throw setupFailure(settings, e);
        }
    }

    private static MpException setupFailure(BrokerSettings settings, Exception e) {
        if (e instanceof JobsQueueTypeException mismatch) {
            return mismatch; // says what to change; the 406 behind it does not
        }
        if (e instanceof MpException mp && !(e.getCause() instanceof IOException)) {
            return mp;
        }
        if (Channels.replyCode(e) == 406) {
            return new MpException("the broker's queues for namespace '" + settings.namespace()
                    + "' were declared with other settings: " + Channels.replyText(e), e);
        }
        String why = Channels.replyCode(e) > 0 ? Channels.replyText(e) : e.getMessage();
        return new MpException("could not set up the producer: " + (why == null ? e.getClass().getSimpleName() : why), e);
    }

    public static String newJobId() {
        return Ids.jobId();
    }

    /**
     * Checks, before a job is accepted, that the named queue it goes to exists (some worker takes
     * it): IllegalArgumentException with what to do if not.
     */
    public void checkQueue(JobMessage job) {
        checkQueue(job.optionsOrDefaults().queueOrDefault());
    }

    public void checkQueue(String queue) {
        routing.requireQueue(queue);
    }

    /** Registers the job, then publishes it; the handle's result completes with the first result reply. */
    public JobHandle submit(JobMessage job, String processName) {
        JobHandle handle = follow(job.id(), job.task(), processName);
        handle.publishedAs(job);
        recordSubmitted(job);
        jobs.publish(job).whenComplete((ok, failure) -> {
            if (failure != null) {
                router.unregister(job.id());
                handle.result().completeExceptionally(failure instanceof CompletionException ? failure.getCause() : failure);
            }
        });
        return handle;
    }

    /** Publishes a job whose replies go to a queue of its own (a detached process); completes when the broker has it. */
    public CompletableFuture<Void> submitDetached(JobMessage job, String replyTo) {
        recordSubmitted(job);
        return jobs.publish(job, replyTo);
    }

    /** Records jobs in the events stream (declaring it with {@code retention} if absent); off by default. */
    public void recordEvents(String retention) {
        try {
            events = EventLog.on(connection, topology, retention, settings.maxMessageSize());
        } catch (IOException e) {
            throw new ConnectionLostException("could not declare the events stream: " + e.getMessage(), e);
        }
    }

    private void recordSubmitted(JobMessage job) {
        if (!events.enabled()) {
            return;
        }
        // Only the start is kept: writing stops there (a 1 MB argument was written whole, then cut).
        String args = job.args() != null ? ValueCodec.toJsonTextAbbreviated(job.args(), SUBMITTED_ARGS_CHARS)
                : job.chunk() != null ? job.chunk().size() + " calls" : "";
        events.record(JobEvent.submitted(job.id(), job.task(), args, job.optionsOrDefaults().queue()));
    }

    /** The latest progress a job in flight reported ({done, total}), or null. */
    public long[] progress(String jobId) {
        return router.progress(jobId);
    }

    /** Reads the events stream from {@code since} (epoch ms; null: its start), to its end or on ({@code follow}). */
    public EventReader readEvents(Long since, boolean follow) {
        return new EventReader(connection, topology, since, follow);
    }

    /** Waits for the replies of a job published with this client's reply queue. */
    public JobHandle follow(String jobId, String task, String processName) {
        JobHandle handle = new JobHandle(jobId, task, processName);
        router.register(handle);
        return handle;
    }

    /** Forgets a job settled here (cancelled before its worker answered): a late result is not a duplicate. */
    public void forget(String jobId) {
        router.unregister(jobId);
    }

    /** Appends a cancellation to the stream every worker reads; completes once the broker has it. */
    public CompletableFuture<Void> cancel(String jobId, CancelMessage.Signal signal) {
        return new CancelPublisher(publisher, topology).publish(jobId, signal);
    }

    /** Shared objects made by or passed to this client: results open their references here, closed with the client. */
    public SharedObjects shared() {
        return shared;
    }

    /** Python's {@code Queue(maxsize)}: a named one outlives the client, an anonymous one (null name) does not. */
    public RemoteQueue createQueue(String name, int maxsize, boolean replicated) {
        return shared.track(AmqpQueue.create(shared.context(), name, maxsize, replicated));
    }

    /** An existing named queue, whatever its maxsize. */
    public RemoteQueue openQueue(String name) {
        return shared.track(AmqpQueue.openExisting(shared.context(), name));
    }

    /** Live workers, as they answer a ping within {@code wait}. */
    public List<WorkerInfo> workers(Duration wait) {
        try {
            return WorkerPing.ping(connection, topology, wait);
        } catch (IOException e) {
            throw new ConnectionLostException("could not ping the workers: " + e.getMessage(), e);
        }
    }

    /** Ready messages in one of this namespace's queues, read exactly (a passive declare). */
    public int messageCount(String brokerQueue) {
        try {
            return Channels.withTemporaryChannel(connection, channel -> channel.queueDeclarePassive(brokerQueue).getMessageCount());
        } catch (IOException e) {
            throw new ConnectionLostException("could not read the queue " + brokerQueue + ": " + e.getMessage(), e);
        }
    }

    /** This client's own reply queue (tests delete it to check it comes back). */
    public String replyQueue() {
        return replyQueue;
    }

    public long duplicateResults() {
        return router.duplicateResults();
    }

    public String node() {
        return Connector.node(connection);
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

    /** Fails whatever still waits, closes shared objects (deleting anonymous queues), removes the reply queue, disconnects. */
    @Override
    public void close() {
        events.close();
        router.close();
        shared.close();
        publisher.close();
        Disconnect.deleteQueueThenClose(connection, replyQueue);
    }

    static void closeQuietly(Connection connection) {
        Disconnect.close(connection, 5_000);
    }
}
