package org.multiprocessing4j.internal.client;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.multiprocessing4j.errors.ConnectionLostException;
import org.multiprocessing4j.errors.EncodingException;
import org.multiprocessing4j.internal.amqp.Channels;
import org.multiprocessing4j.internal.amqp.ConfirmingPublisher;
import org.multiprocessing4j.internal.amqp.JobRouting;
import org.multiprocessing4j.internal.amqp.Topology;
import org.multiprocessing4j.internal.wire.JobMessage;
import org.multiprocessing4j.internal.wire.JobOptions;
import org.multiprocessing4j.internal.wire.ValueCodec;
import org.multiprocessing4j.internal.wire.WireCodec;

/**
 * Reads and replays {@code <ns>.dead.letters}. Reading takes nothing away: messages are fetched
 * with basic.get and not acknowledged, so closing the channel puts them back where they were. A
 * replay publishes the job (same id, same reply queue, no broker headers) to its queue, waits for
 * the broker's confirm, and only then removes the dead letter.
 */
public final class DeadLetterStore {
    private static final int SCAN_LIMIT = 100_000;

    /** A dead letter as read here (the API turns it into its public record). */
    public record Buried(String jobId, String task, String reason, String error, String arguments, String queue,
                         int attempts, Instant deadAt) {
    }

    private final ClientCore core;

    public DeadLetterStore(ClientCore core) {
        this.core = core;
    }

    public int count() {
        return core.messageCount(topology().deadLettersQueue());
    }

    public List<Buried> list(int limit) {
        List<Buried> letters = new ArrayList<>();
        scan(limit, (channel, response) -> {
            letters.add(read(response));
            return false;
        });
        return letters;
    }

    public Optional<Buried> find(String jobId) {
        Buried[] found = new Buried[1];
        scan(SCAN_LIMIT, (channel, response) -> {
            if (jobId.equals(idOf(response))) {
                found[0] = read(response);
                return true;
            }
            return false;
        });
        return Optional.ofNullable(found[0]);
    }

    public boolean replay(String jobId) {
        boolean[] replayed = new boolean[1];
        scan(SCAN_LIMIT, (channel, response) -> {
            if (!jobId.equals(idOf(response))) {
                return false;
            }
            republish(response);
            channel.basicAck(response.getEnvelope().getDeliveryTag(), false);
            replayed[0] = true;
            return true;
        });
        return replayed[0];
    }

    public int replayAll() {
        int[] replayed = new int[1];
        scan(SCAN_LIMIT, (channel, response) -> {
            republish(response);
            channel.basicAck(response.getEnvelope().getDeliveryTag(), false);
            replayed[0]++;
            return false;
        });
        return replayed[0];
    }

    public int purge() {
        try {
            return Channels.withTemporaryChannel(core.connection(),
                    channel -> channel.queuePurge(topology().deadLettersQueue()).getMessageCount());
        } catch (IOException e) {
            throw new ConnectionLostException("could not purge the dead letters: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Visitor {
        /** True to stop scanning. */
        boolean visit(Channel channel, GetResponse response) throws IOException;
    }

    /** Visits up to {@code limit} dead letters, oldest first; what is not acknowledged goes back when the channel closes. */
    private void scan(int limit, Visitor visitor) {
        try {
            Channels.withTemporaryChannel(core.connection(), channel -> {
                for (int seen = 0; seen < limit; seen++) {
                    GetResponse response = channel.basicGet(topology().deadLettersQueue(), false);
                    if (response == null || visitor.visit(channel, response)) {
                        break;
                    }
                }
                return null;
            });
        } catch (IOException e) {
            throw new ConnectionLostException("could not read the dead letters: " + e.getMessage(), e);
        }
    }

    private void republish(GetResponse response) throws IOException {
        JobMessage job = WireCodec.decodeJob(response.getBody());
        JobOptions options = job.optionsOrDefaults();
        AMQP.BasicProperties original = response.getProps();
        Map<String, Object> headers = new HashMap<>(original.getHeaders() == null ? Map.of() : original.getHeaders());
        headers.keySet().removeIf(key -> key.startsWith("x-"));
        AMQP.BasicProperties properties = original.builder().headers(headers.isEmpty() ? null : headers).build();
        try (ConfirmingPublisher publisher = new ConfirmingPublisher(core.connection(), core.settings().maxMessageSize())) {
            publisher.publish(new JobRouting(core.connection(), topology()).outgoing(options.queueOrDefault(),
                    options.priorityOrDefault(), Duration.ZERO, properties, response.getBody())).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("could not publish job " + job.id() + " again: " + e.getMessage(), e);
        }
    }

    private static String idOf(GetResponse response) {
        String id = response.getProps().getCorrelationId();
        return id != null ? id : response.getProps().getMessageId();
    }

    @SuppressWarnings("unchecked")
    private static Buried read(GetResponse response) {
        AMQP.BasicProperties props = response.getProps();
        Map<String, Object> headers = props.getHeaders() == null ? Map.of() : props.getHeaders();
        Map<String, Object> death = headers.get("x-death") instanceof List<?> list && !list.isEmpty()
                && list.get(0) instanceof Map<?, ?> first ? (Map<String, Object>) first : Map.of();
        String reason = text(headers.get("x-mp4j-dead-reason"));
        if (reason == null) {
            String brokerReason = text(death.get("reason"));
            reason = "delivery_limit".equals(brokerReason) ? "poison" : brokerReason;
        }
        String error = text(headers.get("x-mp4j-dead-error"));
        if (error == null && "poison".equals(reason)) {
            error = "its worker died or lost its connection every time it ran";
        }
        Instant deadAt = headers.get("x-mp4j-dead-at") instanceof Number at ? Instant.ofEpochMilli(at.longValue())
                : death.get("time") instanceof Date time ? time.toInstant() : null;
        int deliveries = deliveries(headers, reason);
        try {
            JobMessage job = WireCodec.decodeJob(response.getBody());
            Map<String, Object> arguments = new HashMap<>();
            arguments.put("args", job.chunk() != null ? job.chunk() : job.args());
            arguments.put("kwargs", job.kwargs() != null ? job.kwargs() : job.fields());
            return new Buried(job.id(), job.task(), reason, error, ValueCodec.toJsonText(ValueCodec.toJsonTrusted(arguments)),
                    job.optionsOrDefaults().queueOrDefault(), Math.max(job.attemptOrFirst(), deliveries), deadAt);
        } catch (EncodingException unreadable) {
            return new Buried(idOf(response), "?", reason == null ? "bad-body" : reason, error,
                    new String(response.getBody(), StandardCharsets.UTF_8), "?", deliveries, deadAt);
        }
    }

    /**
     * How many times the job was delivered before it was buried. Never the x-delivery-count the
     * letter carries now: the dead-letter queue is a quorum queue, and every reading (a basic.get
     * given back) counts there as a delivery, so it grows each time someone lists the letters.
     * Workers write the count when they bury a job; the broker buries a quorum jobs queue's poison
     * job when its deliveries pass the limit, so that one ran {@code DELIVERY_LIMIT + 1} times.
     */
    private static int deliveries(Map<String, Object> headers, String reason) {
        int counted = count(headers.get(Topology.DEAD_ATTEMPTS_HEADER));
        if (counted > 0) {
            return counted;
        }
        if ("poison".equals(reason)) { // by the broker, or by a worker of an older version (classic queue)
            return Math.max(Topology.DELIVERY_LIMIT + 1, count(headers.get(Topology.DELIVERY_COUNT_HEADER)));
        }
        return 1;
    }

    private static int count(Object header) {
        return header instanceof Number n ? n.intValue() : 0;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private Topology topology() {
        return core.topology();
    }
}
