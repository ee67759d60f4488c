package org.multiprocessing4j.internal.wire;

import com.rabbitmq.client.AMQP;

/**
 * AMQP properties for each kind of message. Everything that must survive a broker restart is
 * persistent (delivery mode 2); every message has a unique message id, which the publisher uses
 * to match a returned message to its publish.
 */
public final class Envelopes {
    public static final String JSON = "application/json";
    private static final int PERSISTENT = 2;

    private Envelopes() {
    }

    public static AMQP.BasicProperties job(String jobId, String replyTo) {
        return base(MessageType.JOB, jobId).correlationId(jobId).replyTo(replyTo).build();
    }

    /** A started/output/result reply about {@code jobId}. */
    public static AMQP.BasicProperties reply(String type, String jobId) {
        return base(type, Ids.messageId()).correlationId(jobId).build();
    }

    public static AMQP.BasicProperties cancel(String jobId) {
        return base(MessageType.CANCEL, Ids.messageId()).correlationId(jobId).build();
    }

    public static AMQP.BasicProperties queueItem() {
        return base(MessageType.QUEUE_ITEM, Ids.messageId()).build();
    }

    /** Pings and their answers are ephemeral: transient, sent to live peers only. */
    public static AMQP.BasicProperties ping(String replyTo) {
        return new AMQP.BasicProperties.Builder().type(MessageType.PING).contentType(JSON)
                .messageId(Ids.messageId()).replyTo(replyTo).build();
    }

    public static AMQP.BasicProperties workerInfo() {
        return new AMQP.BasicProperties.Builder().type(MessageType.WORKER_INFO).contentType(JSON)
                .messageId(Ids.messageId()).build();
    }

    private static AMQP.BasicProperties.Builder base(String type, String messageId) {
        return new AMQP.BasicProperties.Builder()
                .type(type)
                .contentType(JSON) // JSON is UTF-8 by definition: no content encoding needed
                .deliveryMode(PERSISTENT)
                .messageId(messageId);
    }
}
