package org.multiprocessing4j.internal.events;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.multiprocessing4j.internal.amqp.Channels;
import org.multiprocessing4j.internal.amqp.ConfirmingPublisher;
import org.multiprocessing4j.internal.amqp.Outgoing;
import org.multiprocessing4j.internal.amqp.Topology;
import org.multiprocessing4j.internal.wire.EventBatch;
import org.multiprocessing4j.internal.wire.JobEvent;
import org.multiprocessing4j.internal.wire.MessageType;
import org.multiprocessing4j.internal.wire.WireCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends job events to the events stream without ever making a task wait: {@link #record} only
 * queues the event; a thread of its own sends what has gathered every {@value #FLUSH_MS} ms as one
 * batch. History is best effort: when the link is down or the buffer is full, events are dropped
 * and counted ({@link #dropped()}), never the job.
 */
public final class EventLog implements AutoCloseable {
    public static final String DEFAULT_RETENTION = "1D";
    /** A RabbitMQ age: a number and Y, M, D, h, m or s. */
    public static final Pattern RETENTION = Pattern.compile("[1-9][0-9]{0,5}[YMDhms]");
    private static final Logger log = LoggerFactory.getLogger(EventLog.class);
    private static final long FLUSH_MS = 100;
    private static final int BUFFER = 100_000;
    private static final int BATCH = 1000;
    private static final int MAX_LINE = 8 * 1024;

    private final BlockingQueue<JobEvent> buffer = new ArrayBlockingQueue<>(BUFFER);
    private final AtomicLong dropped = new AtomicLong();
    private final ConfirmingPublisher publisher;
    private final Topology topology;
    private final Thread flusher;
    private volatile boolean closed;

    private EventLog(ConfirmingPublisher publisher, Topology topology) {
        this.publisher = publisher;
        this.topology = topology;
        this.flusher = publisher == null ? null : new Thread(this::flushLoop, "mp4j-events");
        if (flusher != null) {
            flusher.setDaemon(true);
            flusher.start();
        }
    }

    /** Records nothing: events switched off. */
    public static EventLog off() {
        return new EventLog(null, null);
    }

    /** Declares the stream if it is not there (with {@code retention}) and starts the flusher. */
    public static EventLog on(Connection connection, Topology topology, String retention, int maxMessageSize)
            throws IOException {
        if (!RETENTION.matcher(retention).matches()) {
            throw new IllegalArgumentException("events retention must be a number and Y, M, D, h, m or s (e.g. 1D, 12h), got: "
                    + retention);
        }
        Channels.withTemporaryChannel(connection, channel -> {
            topology.declareEvents(channel, retention);
            return null;
        });
        return new EventLog(new ConfirmingPublisher(connection, maxMessageSize), topology);
    }

    public boolean enabled() {
        return publisher != null;
    }

    /** Queues an event; returns at once, whatever the broker does. */
    public void record(JobEvent event) {
        if (publisher == null || closed) {
            return;
        }
        if (event.line() != null && event.line().length() > MAX_LINE) {
            event = new JobEvent(event.type(), event.job(), event.task(), event.at(), event.worker(), event.attempt(),
                    event.seq(), event.line().substring(0, MAX_LINE) + "...", event.outcome(), event.error(),
                    event.elapsedMs(), event.done(), event.total(), event.args(), event.queue());
        }
        if (!buffer.offer(event)) {
            dropped.incrementAndGet();
        }
    }

    /** Events not kept: the buffer was full or the broker could not be reached. */
    public long dropped() {
        return dropped.get();
    }

    private void flushLoop() {
        List<JobEvent> batch = new ArrayList<>(BATCH);
        while (!closed || !buffer.isEmpty()) {
            try {
                JobEvent first = buffer.poll(FLUSH_MS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                Thread.sleep(closed ? 0 : FLUSH_MS); // let a batch gather
                buffer.drainTo(batch, BATCH - 1);
                send(batch);
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void send(List<JobEvent> batch) {
        try {
            byte[] body = WireCodec.encode(EventBatch.of(batch));
            AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().type(MessageType.EVENTS)
                    .contentType("application/json").deliveryMode(2).messageId(org.multiprocessing4j.internal.wire.Ids.messageId()).build();
            int size = batch.size();
            publisher.publish(Outgoing.toQueue(topology.eventsStream(), properties, body)).whenComplete((ok, failure) -> {
                if (failure != null) {
                    dropped.addAndGet(size);
                }
            });
        } catch (RuntimeException e) {
            dropped.addAndGet(batch.size());
            log.debug("events not sent: {}", e.toString());
        }
    }

    /** Sends what is still queued (briefly), then stops. */
    @Override
    public void close() {
        if (publisher == null) {
            return;
        }
        closed = true;
        try {
            flusher.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        publisher.close();
    }
}
