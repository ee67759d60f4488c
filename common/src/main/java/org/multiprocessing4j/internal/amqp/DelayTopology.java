package org.multiprocessing4j.internal.amqp;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * Delayed jobs and retries, held by the broker (never in a worker's memory), in {@value #LEVELS}
 * levels: level k is a quorum queue whose messages expire after {@code 250 ms * 2^k} into the next
 * lower level, so a delay is the sum of the levels its binary digits name, and a long delay never
 * waits in front of a short one (each level's messages all have the same lifetime).
 *
 * <p>The routing key says the way: one word per level, highest first, "1" to wait at that level,
 * "0" to pass it, then the target jobs queue's name: {@code 0.0.1.0.1.mp4j.jobs} waits 5 units then
 * lands in {@code mp4j.jobs}. A job is published to the exchange of the highest level; each level's
 * exchange sends it into its queue or on to the next exchange; after level 0 the
 * delayed-delivery exchange routes it to the jobs queue bound as {@code #.<queue name>}. The same
 * design as NServiceBus's RabbitMQ delay infrastructure.
 */
public final class DelayTopology {
    /** 24 levels of 250 ms * 2^k: up to 48 days, more than CallOptions.MAX_DELAY. */
    public static final int LEVELS = 24;
    public static final long UNIT_MS = 250;

    private final Topology topology;

    public DelayTopology(Topology topology) {
        this.topology = topology;
    }

    /** The exchange to publish a delayed job to. */
    public String entryExchange() {
        return levelName(LEVELS - 1);
    }

    /** The routing key for a job to wait {@code delay} (rounded up to 250 ms) before landing in {@code jobsQueue}. */
    public static String routingKey(Duration delay, String jobsQueue) {
        long units = Math.max(0, (delay.toMillis() + UNIT_MS - 1) / UNIT_MS);
        if (units >= (1L << LEVELS)) {
            throw new IllegalArgumentException("delay too long for the broker's delay levels: " + delay);
        }
        StringBuilder key = new StringBuilder();
        for (int level = LEVELS - 1; level >= 0; level--) {
            key.append((units >> level) & 1).append('.');
        }
        return key.append(jobsQueue).toString();
    }

    /** How a jobs queue is bound to the delayed-delivery exchange: any way that ends in its name. */
    static String bindingFor(String jobsQueue) {
        return "#." + jobsQueue;
    }

    /** Declares every level (idempotent); done once by whoever first delays or retries a job. */
    public void declare(Channel channel) throws IOException {
        channel.exchangeDeclare(topology.delayedDeliveryExchange(), BuiltinExchangeType.TOPIC, true);
        for (int level = 0; level < LEVELS; level++) {
            String name = levelName(level);
            String next = level == 0 ? topology.delayedDeliveryExchange() : levelName(level - 1);
            channel.exchangeDeclare(name, BuiltinExchangeType.TOPIC, true);
            channel.queueDeclare(name, true, false, false, Map.of(
                    "x-queue-type", "quorum",
                    "x-message-ttl", UNIT_MS << level,
                    "x-dead-letter-exchange", next,
                    // at-least-once: a delayed job is kept until the next level has it, even if the broker
                    // stops in between (it needs reject-publish overflow)
                    "x-dead-letter-strategy", "at-least-once",
                    "x-overflow", "reject-publish"));
            channel.queueBind(name, name, pattern(level, "1"));
            channel.exchangeBind(next, name, pattern(level, "0"));
        }
    }

    /** The queue of one delay level, 0 to {@value #LEVELS} - 1 (for counting what waits there). */
    public String levelQueue(int level) {
        return levelName(level);
    }

    private String levelName(int level) {
        return topology.namespace() + ".delay." + level;
    }

    /** "*.*.1.#": the word for {@code level} is {@code digit}. */
    private static String pattern(int level, String digit) {
        StringBuilder pattern = new StringBuilder();
        for (int i = LEVELS - 1; i > level; i--) {
            pattern.append("*.");
        }
        return pattern.append(digit).append(".#").toString();
    }
}
