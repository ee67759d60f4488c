package org.multiprocessing4j.worker.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.multiprocessing4j.internal.amqp.Topology;
import org.multiprocessing4j.internal.wire.CancelMessage;
import org.multiprocessing4j.internal.wire.Envelopes;
import org.multiprocessing4j.internal.wire.JobMessage;
import org.multiprocessing4j.internal.wire.Reply;
import org.multiprocessing4j.internal.wire.ResultReply;
import org.multiprocessing4j.internal.wire.WireCodec;
import org.multiprocessing4j.internal.wire.ValueCodec;
import org.multiprocessing4j.testkit.TestBroker;

/**
 * A producer written against the protocol with plain amqp-client, so worker tests check the
 * worker against the wire contract rather than against our own producer library.
 */
final class RawProducer implements AutoCloseable {
    private final Connection connection;
    private final Channel channel;
    private final Topology topology;
    private final String replyQueue;
    private final Map<String, BlockingQueue<Reply>> replies = new ConcurrentHashMap<>();

    RawProducer(TestBroker broker) throws Exception {
        connection = broker.newConnection();
        channel = connection.createChannel();
        channel.confirmSelect();
        topology = new Topology(broker.namespace());
        topology.declareJobs(channel);
        topology.declareCancellations(channel);
        replyQueue = topology.replyQueue("raw-" + UUID.randomUUID());
        topology.declareReplyQueue(channel, replyQueue, Duration.ofMinutes(5));
        channel.basicConsume(replyQueue, true, new DefaultConsumer(channel) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                Reply reply = WireCodec.decodeReply(properties.getType(), body);
                queueFor(reply.id()).add(reply);
            }
        });
    }

    Topology topology() {
        return topology;
    }

    /** A pool-style job: no started reply. */
    String submit(String task, List<?> args) throws Exception {
        return submit(task, args, null);
    }

    /** A process-style job: it asks for a started reply (pid, host). */
    String submitProcess(String task, List<?> args) throws Exception {
        return submit(task, args, "Process-1");
    }

    private String submit(String task, List<?> args, String processName) throws Exception {
        JobMessage job = JobMessage.call(UUID.randomUUID().toString(), task, ValueCodec.toJsonList(args), Map.of(),
                processName, System.currentTimeMillis());
        publishRaw(job.id(), WireCodec.encode(job));
        return job.id();
    }

    /** A pool-style job whose replies go to another queue (one that may not exist yet). */
    String submitWithReplyTo(String otherReplyQueue, String task, List<?> args) throws Exception {
        JobMessage job = JobMessage.call(UUID.randomUUID().toString(), task, ValueCodec.toJsonList(args), Map.of(),
                null, System.currentTimeMillis());
        publishRaw(job.id(), WireCodec.encode(job), otherReplyQueue);
        return job.id();
    }

    /** Publishes any body as a job with this correlation id, valid or not. */
    void publishRaw(String jobId, byte[] body) throws Exception {
        publishRaw(jobId, body, replyQueue);
    }

    private void publishRaw(String jobId, byte[] body, String replyTo) throws Exception {
        synchronized (channel) {
            channel.basicPublish("", topology.jobsQueue(), Envelopes.job(jobId, replyTo), body);
            channel.waitForConfirmsOrDie(10_000);
        }
    }

    void cancel(String jobId, CancelMessage.Signal signal) throws Exception {
        synchronized (channel) {
            channel.basicPublish("", topology.cancellationStream(), Envelopes.cancel(jobId),
                    WireCodec.encode(CancelMessage.of(jobId, signal, System.currentTimeMillis())));
            channel.waitForConfirmsOrDie(10_000);
        }
    }

    /** Every reply for the job up to and including its result. */
    List<Reply> awaitResult(String jobId, Duration timeout) throws InterruptedException {
        List<Reply> received = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Reply reply = queueFor(jobId).poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (reply == null) {
                throw new AssertionError("no result for job " + jobId + " within " + timeout + "; got " + received);
            }
            received.add(reply);
            if (reply instanceof ResultReply) {
                return received;
            }
        }
    }

    Reply awaitNext(String jobId, Duration timeout) throws InterruptedException {
        Reply reply = queueFor(jobId).poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (reply == null) {
            throw new AssertionError("no reply for job " + jobId + " within " + timeout);
        }
        return reply;
    }

    int messageCount(String queue) throws IOException {
        synchronized (channel) {
            return channel.queueDeclarePassive(queue).getMessageCount();
        }
    }

    private BlockingQueue<Reply> queueFor(String jobId) {
        return replies.computeIfAbsent(jobId, id -> new LinkedBlockingQueue<>());
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
