package org.multiprocessing4j.internal.wire;

/** Values of the AMQP {@code type} property: they, not the body, say which record a message holds. */
public final class MessageType {
    public static final String JOB = "mp4j.job";
    public static final String STARTED = "mp4j.started";
    public static final String OUTPUT = "mp4j.output";
    public static final String RESULT = "mp4j.result";
    public static final String CANCEL = "mp4j.cancel";
    public static final String PING = "mp4j.ping";
    public static final String WORKER_INFO = "mp4j.worker-info";
    public static final String QUEUE_ITEM = "mp4j.item";
    public static final String EVENTS = "mp4j.events";
    public static final String PROGRESS = "mp4j.progress";

    private MessageType() {
    }
}
