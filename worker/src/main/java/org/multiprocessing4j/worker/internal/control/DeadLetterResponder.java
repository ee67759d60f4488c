package org.multiprocessing4j.worker.internal.control;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.multiprocessing4j.errors.EncodingException;
import org.multiprocessing4j.errors.PoisonTaskException;
import org.multiprocessing4j.internal.amqp.Channels;
import org.multiprocessing4j.internal.amqp.Topology;
import org.multiprocessing4j.internal.wire.RemoteError;
import org.multiprocessing4j.internal.wire.ResultReply;
import org.multiprocessing4j.internal.wire.WireCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.multiprocessing4j.worker.internal.job.Acker;
import org.multiprocessing4j.worker.internal.replies.ReplySender;

/**
 * Tells a producer when its job was dead-lettered because it was delivered too often (its
 * worker died or lost its link every time: a poison task), so the caller gets a clear error
 * instead of waiting forever. Jobs a worker refused were already answered by that worker.
 * A copy of every dead letter stays in the dead-letters queue for people to inspect.
 */
public final class DeadLetterResponder implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterResponder.class);

    private final Channel channel;
    private final Acker acker;

    public DeadLetterResponder(Connection connection, Topology topology, ReplySender replies) throws IOException {
        channel = connection.createChannel();
        channel.basicQos(10);
        acker = new Acker(channel, "mp4j-dead-letter-acker");
        channel.basicConsume(topology.deadNotifyQueue(), false, new DefaultConsumer(channel) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                long deliveryTag = envelope.getDeliveryTag();
                String reason = deathReason(properties);
                if ("rejected".equals(reason) || properties.getReplyTo() == null) {
                    acker.ack(deliveryTag, () -> { });
                    return;
                }
                String jobId = properties.getCorrelationId();
                String task = taskName(body);
                log.warn("job {} ({}) was dead-lettered ({}); telling its producer", jobId, task, reason);
                RemoteError error = RemoteError.of(PoisonTaskException.class.getName(), "task '" + task
                        + "' was delivered " + (Topology.DELIVERY_LIMIT + 1) + " times and each time the worker "
                        + "running it died or lost its connection; it was dead-lettered (" + reason + ") and kept in "
                        + topology.deadLettersQueue());
                replies.result(properties.getReplyTo(), ResultReply.error(jobId, error, null, 0))
                        .whenComplete((ok, failure) -> acker.ack(deliveryTag, () -> { }));
            }
        });
    }

    /**
     * The reason of the most recent death in RabbitMQ's x-death header (delivery_limit, expired...),
     * or, for a job a worker dead-lettered itself (a classic jobs queue's poison job), its x-mp4j-dead-reason.
     */
    @SuppressWarnings("unchecked")
    static String deathReason(AMQP.BasicProperties properties) {
        Map<String, Object> headers = properties.getHeaders();
        if (headers != null && headers.get("x-mp4j-dead-reason") != null) {
            return headers.get("x-mp4j-dead-reason").toString();
        }
        Object deaths = headers == null ? null : headers.get("x-death");
        if (deaths instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> first) {
            Object reason = ((Map<String, Object>) first).get("reason");
            return reason == null ? "unknown" : reason.toString();
        }
        return "unknown";
    }

    private static String taskName(byte[] body) {
        try {
            return WireCodec.decodeJob(body).task();
        } catch (EncodingException e) {
            return "?";
        }
    }

    @Override
    public void close() {
        acker.close();
        Channels.closeQuietly(channel);
    }
}
