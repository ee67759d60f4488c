package org.multiprocessing4j.internal.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.multiprocessing4j.connection.JobsQueueType;
import org.multiprocessing4j.task.CallOptions;
import org.multiprocessing4j.task.Priority;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every queue and exchange multiprocessing4j uses, named and declared in this one place.
 * docs/PROTOCOL.md describes the same topology for people; keep the two in step.
 *
 * <p>Declarations are idempotent and both producers and workers make them, so whichever
 * starts first creates the topology. Arguments are constants of the protocol, not settings:
 * RabbitMQ refuses a declaration whose arguments differ from the existing queue's. The one
 * exception is the jobs queues' type (quorum or classic), which every client of a namespace must
 * agree on; a client that does not is told so ({@link JobsQueues}).
 */
public final class Topology {
    private static final Logger log = LoggerFactory.getLogger(Topology.class);
    /**
     * A job is dead-lettered after this many redeliveries, i.e. on its 4th delivery: a task that
     * kills its worker cannot crash-loop the cluster, while a worker that dies once or twice for
     * unrelated reasons does not cost the job.
     */
    public static final int DELIVERY_LIMIT = 3;
    /** A reply queue whose producer is gone (no consumer, no redeclare) is deleted after this. */
    public static final Duration REPLY_QUEUE_EXPIRES = Duration.ofHours(1);
    /** Replies for a detached process wait this long for someone to ask for them. */
    public static final Duration DETACHED_REPLY_QUEUE_EXPIRES = Duration.ofDays(1);
    /** Cancellations are kept this long, so a worker that starts later still skips a terminated job. */
    public static final String CANCELLATION_RETENTION = "1D";
    /** Dead letters kept for inspection; the oldest are dropped beyond this. */
    public static final int DEAD_LETTERS_KEPT = 100_000;
    /** Anonymous user queues are deleted by their creator; this removes any left by a crashed one. */
    public static final Duration ANONYMOUS_QUEUE_EXPIRES = Duration.ofDays(1);
    /** Names of user queues made without a name ({@code Queue()}) start with this. */
    public static final String ANONYMOUS_QUEUE_PREFIX = "anon.";
    /**
     * A quorum queue refuses a publish only once it is over its x-max-length, so it holds one message
     * more than a classic queue of the same limit (3.10: limit 3 took 4, limit 2 took 3, limit 0 took 1):
     * a replicated Queue(maxsize) is declared with maxsize - 1 to hold exactly maxsize.
     */
    public static final int QUORUM_LENGTH_SLACK = 1;
    /** An orphaned lease queue (its copy already expired back into the jobs queue) goes after this many TTLs. */
    private static final int LEASE_QUEUE_EXPIRES_TTLS = 5;

    /** Set by the workers on a job they put back into a classic jobs queue (see {@link JobsQueueType#CLASSIC}). */
    public static final String DELIVERY_COUNT_HEADER = JobsQueues.DELIVERY_COUNT_HEADER;

    /** Set by the workers on a job they dead-letter: how many times it was delivered until then. */
    public static final String DEAD_ATTEMPTS_HEADER = "x-mp4j-dead-attempts";

    private final String namespace;
    private final JobsQueueType jobsQueueType;

    /** The topology of a namespace whose jobs queues are quorum queues. */
    public Topology(String namespace) {
        this(namespace, JobsQueueType.QUORUM);
    }

    public Topology(String namespace, JobsQueueType jobsQueueType) {
        this.namespace = namespace;
        this.jobsQueueType = jobsQueueType;
    }

    public JobsQueueType jobsQueueType() {
        return jobsQueueType;
    }

    public String namespace() {
        return namespace;
    }

    /** The queue holding normal jobs of the default queue: every worker of this namespace takes them. */
    public String jobsQueue() {
        return namespace + ".jobs";
    }

    /**
     * The queue holding jobs of one named queue (worker group) and priority. The default
     * queue's normal level keeps the name {@code <ns>.jobs}; the others are {@code <ns>.jobs.<queue>.<level>}.
     */
    public String jobsQueue(String queue, Priority priority) {
        if (CallOptions.DEFAULT_QUEUE.equals(queue) && priority == Priority.NORMAL) {
            return jobsQueue();
        }
        return namespace + ".jobs." + queue + "." + priority.wireName();
    }

    /** Topic exchange where delayed jobs arrive when their time has come (see {@link DelayTopology}). */
    public String delayedDeliveryExchange() {
        return namespace + ".delay.deliver";
    }

    /** Fanout exchange that receives dead-lettered jobs. */
    public String deadLetterExchange() {
        return namespace + ".dead";
    }

    /** Dead-lettered jobs kept for people to inspect. */
    public String deadLettersQueue() {
        return namespace + ".dead.letters";
    }

    /** Dead-lettered jobs that a worker turns into an error reply to their producer. */
    public String deadNotifyQueue() {
        return namespace + ".dead.notify";
    }

    /** Fanout exchange for ephemeral broadcasts to every live worker (ping). */
    public String controlExchange() {
        return namespace + ".control";
    }

    /** Stream of every job's life (submitted, started, output, finished...), kept for its retention: history and logs. */
    public String eventsStream() {
        return namespace + ".events";
    }

    /**
     * The events stream, created with {@code retention} (a RabbitMQ age such as "1D", "12h", "7D")
     * only if it does not exist yet: the first one to declare it sets the retention, later ones keep
     * it (change it with a policy: {@code rabbitmqctl set_policy mp4j-events '^mp4j\.events$' '{"max-age":"7D"}'
     * --apply-to queues}), so no declaration is refused for a different retention.
     */
    public void declareEvents(Channel channel, String retention) throws IOException {
        try {
            channel.queueDeclarePassive(eventsStream());
        } catch (IOException absent) {
            Channel fresh = channel.getConnection().createChannel(); // the 404 closed the first one
            try {
                fresh.queueDeclare(eventsStream(), true, false, false, Map.of(
                        "x-queue-type", "stream",
                        "x-max-age", retention,
                        "x-stream-max-segment-size-bytes", 10_000_000));
            } finally {
                Channels.closeQuietly(fresh);
            }
        }
    }

    /** Stream of terminate/kill requests, replayed by every worker when it starts. */
    public String cancellationStream() {
        return namespace + ".cancellations";
    }

    /** A producer's own durable reply queue. */
    public String replyQueue(String clientId) {
        return namespace + ".reply." + clientId;
    }

    /** The broker queue behind a user's Queue named {@code name}. */
    public String userQueue(String name) {
        return namespace + ".queue." + name;
    }

    /** Where a long-running job's copy waits while its worker renews the lease (see the worker's JobLease). */
    public String leaseQueue(String jobId) {
        return namespace + ".lease." + jobId;
    }

    /** The user-visible name of a broker queue made by {@link #userQueue}, or null if it is not one. */
    public String userQueueName(String brokerQueue) {
        String prefix = namespace + ".queue.";
        return brokerQueue.startsWith(prefix) ? brokerQueue.substring(prefix.length()) : null;
    }

    /**
     * Everything jobs flow through: the dead-letter path and the default queue's three priority
     * levels. The dead-letter queues are replicated (quorum), so they can be declared, and keep working,
     * while any one node of a cluster is down; the jobs queues too unless they were chosen classic.
     */
    public void declareJobs(Channel channel) throws IOException {
        channel.exchangeDeclare(deadLetterExchange(), BuiltinExchangeType.FANOUT, true);
        if (declareReplicated(channel.getConnection(), deadLettersQueue(), Map.of(
                "x-queue-type", "quorum",
                "x-max-length", DEAD_LETTERS_KEPT))) {
            channel.queueBind(deadLettersQueue(), deadLetterExchange(), "");
        }
        if (declareReplicated(channel.getConnection(), deadNotifyQueue(), Map.of("x-queue-type", "quorum"))) {
            channel.queueBind(deadNotifyQueue(), deadLetterExchange(), "");
        }
        declareQueue(channel, CallOptions.DEFAULT_QUEUE);
    }

    /**
     * Declares a quorum queue, each on a channel of its own (a refusal closes the channel). A queue
     * of the same name made by an earlier version as a classic queue is kept as it is (RabbitMQ
     * refuses to change a queue's type): it works, on one node, until someone deletes it; and
     * while that node is down it cannot even be declared, which must not stop a client from
     * starting. Returns whether the queue is usable now.
     */
    private static boolean declareReplicated(Connection connection, String name, Map<String, Object> args)
            throws IOException {
        try {
            Channels.withTemporaryChannel(connection, ch -> ch.queueDeclare(name, true, false, false, args));
            return true;
        } catch (IOException e) {
            int code = Channels.replyCode(e);
            if (code == 406) {
                log.warn("{} is a queue of an earlier version, on one node only ({}); it is kept as it is. Delete it"
                        + " (rabbitmqctl delete_queue {}) to have it replicated", name, Channels.replyText(e), name);
                return true;
            }
            if (code == 404) {
                log.warn("{} cannot be used now: {}. It is a queue of an earlier version, on one node only; delete it"
                        + " once that node is back to have it replicated", name, Channels.replyText(e));
                return false;
            }
            throw e;
        }
    }

    /**
     * A named queue's three priority levels, each a queue of the chosen type (quorum: with the
     * broker's delivery limit) with the dead-letter path, and each bound to the delayed-delivery exchange so delayed jobs and retries
     * reach it. Workers declare the queues they take; producers check they exist.
     */
    public void declareQueue(Channel channel, String queue) throws IOException {
        channel.exchangeDeclare(delayedDeliveryExchange(), BuiltinExchangeType.TOPIC, true);
        for (Priority priority : Priority.values()) {
            String name = jobsQueue(queue, priority);
            JobsQueues.declare(channel, name, jobsQueueType, namespace, deadLetterExchange());
            channel.queueBind(name, delayedDeliveryExchange(), DelayTopology.bindingFor(name));
        }
    }

    public void declareControl(Channel channel) throws IOException {
        channel.exchangeDeclare(controlExchange(), BuiltinExchangeType.FANOUT, true);
    }

    public void declareCancellations(Channel channel) throws IOException {
        channel.queueDeclare(cancellationStream(), true, false, false, Map.of(
                "x-queue-type", "stream",
                "x-max-age", CANCELLATION_RETENTION,
                // Retention drops whole segments; small segments let old cancellations actually go.
                "x-stream-max-segment-size-bytes", 1_000_000));
    }

    /**
     * A reply queue is a quorum queue: the results a producer waits for survive the loss of any one
     * node, and the producer finds them again from whichever node it reconnects to. It costs about
     * 30 ms more to declare than a classic queue (measured on one node under load: 40 vs 13 ms).
     */
    public void declareReplyQueue(Channel channel, String queue, Duration expires) throws IOException {
        channel.queueDeclare(queue, true, false, false, replyQueueArguments(expires));
    }

    public static Map<String, Object> replyQueueArguments(Duration expires) {
        return Map.of("x-queue-type", "quorum", "x-expires", expires.toMillis());
    }

    /**
     * A user's Queue: durable, classic or (replicated) quorum. Bounded by the broker when
     * {@code maxsize > 0} (a put past it is refused, not dropped); an unbounded named classic queue
     * carries no arguments at all; an anonymous one expires a day after its last use in case its
     * creator crashed.
     */
    public AMQP.Queue.DeclareOk declareUserQueue(Channel channel, String name, int maxsize) throws IOException {
        return declareUserQueue(channel, name, maxsize, false);
    }

    public AMQP.Queue.DeclareOk declareUserQueue(Channel channel, String name, int maxsize, boolean replicated)
            throws IOException {
        Map<String, Object> args = new HashMap<>();
        if (replicated) {
            args.put("x-queue-type", "quorum");
        }
        if (maxsize > 0) {
            args.put("x-max-length", replicated ? maxsize - QUORUM_LENGTH_SLACK : maxsize);
            args.put("x-overflow", "reject-publish");
        }
        if (name.startsWith(ANONYMOUS_QUEUE_PREFIX)) {
            args.put("x-expires", ANONYMOUS_QUEUE_EXPIRES.toMillis());
        }
        return channel.queueDeclare(userQueue(name), true, false, false, args);
    }

    /** A lease queue: its one copy of the job expires back into the jobs queue {@code ttl} after the last renewal. */
    public void declareLeaseQueue(Channel channel, String jobId, Duration ttl) throws IOException {
        channel.queueDeclare(leaseQueue(jobId), true, false, false, Map.of(
                "x-message-ttl", ttl.toMillis(),
                "x-dead-letter-exchange", "",
                "x-dead-letter-routing-key", jobsQueue(),
                "x-expires", ttl.toMillis() * LEASE_QUEUE_EXPIRES_TTLS));
    }
}
