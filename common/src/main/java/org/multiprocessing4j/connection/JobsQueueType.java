package org.multiprocessing4j.connection;

import java.util.Locale;

/**
 * What kind of RabbitMQ queue holds a namespace's jobs. Every producer and worker of a namespace
 * must agree: the first to declare the queues fixes their type, and RabbitMQ refuses the other.
 *
 * <pre>{@code
 * BrokerSettings settings = BrokerSettings.fromEnvironment().withJobsQueue(JobsQueueType.CLASSIC);
 * }</pre>
 */
public enum JobsQueueType {
    /**
     * Replicated (survives the loss of any one node of a cluster); the broker counts deliveries and
     * dead-letters a job that killed its worker too often. The default.
     */
    QUORUM,
    /**
     * One node only (unusable while that node is down), faster; the workers count deliveries in a
     * header instead of the broker (docs/GUARANTEES.md).
     */
    CLASSIC;

    /** The name used in options, environment variables and the broker's {@code x-queue-type}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code quorum} or {@code classic}, in any case; anything else is refused with what is accepted. */
    public static JobsQueueType parse(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (JobsQueueType type : values()) {
            if (type.wireName().equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("jobs queue type must be quorum or classic, got '" + text + "'");
    }
}
