package org.multiprocessing4j.internal.amqp;

import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.multiprocessing4j.connection.BrokerSettings;
import org.multiprocessing4j.connection.JobsQueueType;
import org.multiprocessing4j.errors.JobsQueueTypeException;

/**
 * Declares one jobs queue of the chosen type. Both types dead-letter to the same exchange; only a
 * quorum queue counts deliveries itself ({@code x-delivery-limit}); on a classic one the workers
 * count them (the worker's RedeliveryCounter, header {@link #DELIVERY_COUNT_HEADER}).
 */
final class JobsQueues {
    /** Deliveries of a job from a classic jobs queue that ended without an ack, counted by the workers. */
    static final String DELIVERY_COUNT_HEADER = "x-mp4j-delivery-count";

    private JobsQueues() {
    }

    static Map<String, Object> arguments(JobsQueueType type, String deadLetterExchange) {
        Map<String, Object> args = new HashMap<>();
        args.put("x-dead-letter-exchange", deadLetterExchange);
        if (type == JobsQueueType.QUORUM) {
            args.put("x-queue-type", "quorum");
            args.put("x-delivery-limit", Topology.DELIVERY_LIMIT);
        }
        return args;
    }

    /**
     * Declares {@code name}; a queue that exists with the other type is refused by RabbitMQ (406,
     * about {@code x-queue-type} or {@code x-delivery-limit}, whichever it compares first): that
     * becomes a {@link JobsQueueTypeException} saying what to change, instead of a broker error.
     */
    static void declare(Channel channel, String name, JobsQueueType type, String namespace, String deadLetterExchange)
            throws IOException {
        try {
            channel.queueDeclare(name, true, false, false, arguments(type, deadLetterExchange));
        } catch (IOException e) {
            String text = Channels.replyText(e);
            if (Channels.replyCode(e) == 406 && text != null
                    && (text.contains("x-queue-type") || text.contains("x-delivery-limit"))) {
                throw mismatch(name, type, namespace, e);
            }
            throw e;
        }
    }

    private static JobsQueueTypeException mismatch(String name, JobsQueueType wanted, String namespace, IOException e) {
        JobsQueueType existing = wanted == JobsQueueType.QUORUM ? JobsQueueType.CLASSIC : JobsQueueType.QUORUM;
        return new JobsQueueTypeException("namespace '" + namespace + "' has " + existing.wireName() + " jobs queues ("
                + name + " is one), but this client was set to use " + wanted.wireName() + ": set --jobs-queue "
                + existing.wireName() + " (or " + BrokerSettings.ENV_JOBS_QUEUE + "=" + existing.wireName()
                + ") as the namespace's other clients do, or use another namespace", e);
    }
}
