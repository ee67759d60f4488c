package org.multiprocessing4j.internal.sync;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The broker objects behind one lock, event, barrier or value, named and declared in this one
 * place (docs/PROTOCOL.md section 9 describes the same for other languages).
 *
 * <p>Every primitive {@code <kind>} named {@code <name>} has a durable classic queue
 * {@code <ns>.sync.<kind>.<name>} (tokens, or the state message) and a durable fanout exchange of
 * the same name, declared last when the primitive is created: its existence means "initialised".
 * Classic rather than quorum queues because a token is put back with basic.reject(requeue), which a
 * quorum queue counts as a delivery (x-delivery-count grows; RabbitMQ 4 drops a message after 20).
 */
public final class SyncTopology {
    /** Anonymous primitives are deleted by their creator; this removes any left by a crashed one. */
    public static final Duration ANONYMOUS_EXPIRES = Duration.ofDays(1);
    /** A barrier party's life queue outlives a party that vanished without deleting it by this. */
    static final Duration LIFE_QUEUE_EXPIRES = Duration.ofMinutes(10);
    public static final String ANONYMOUS_PREFIX = "anon.";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,200}");

    private final String namespace;
    private final String kind;
    private final String name;

    SyncTopology(String namespace, String kind, String name) {
        this.namespace = namespace;
        this.kind = kind;
        this.name = validName(name);
    }

    public static String validName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name must be 1-200 characters of letters, digits, '_', '.', ':' "
                    + "or '-', got: " + name);
        }
        return name;
    }

    String kind() {
        return kind;
    }

    String name() {
        return name;
    }

    boolean anonymous() {
        return name.startsWith(ANONYMOUS_PREFIX);
    }

    /** Tokens (lock, semaphore), the flag (event) or the state message (barrier, value, array). */
    String mainQueue() {
        return namespace + ".sync." + kind + "." + name;
    }

    /** Fanout for wake-ups (event set, barrier passed/broken); declared last: "this primitive is ready". */
    String exchange() {
        return mainQueue();
    }

    /** Held while one side creates the primitive; exclusive, so a second creator waits. */
    String initQueue() {
        return mainQueue() + ".init";
    }

    /** A condition's registrations of waiters, oldest first. */
    String waitersQueue() {
        return mainQueue() + ".waiters";
    }

    /** A barrier's "party died" notices, kept for the next party to arrive. */
    String deathsQueue() {
        return mainQueue() + ".deaths";
    }

    /** One waiting barrier party's life token: its death dead-letters the token to the barrier's exchange. */
    String lifeQueue(String partyId) {
        return mainQueue() + ".life." + partyId;
    }

    /** The main queue, with {@code extra} arguments (the event's max-length 1). */
    void declareMain(Channel channel, Map<String, Object> extra) throws IOException {
        channel.queueDeclare(mainQueue(), true, false, false, withExpiry(extra));
    }

    /** The main queue, emptied of what a creator that died half-way left in it. */
    void declareFresh(Channel channel, Map<String, Object> extra) throws IOException {
        declareMain(channel, extra);
        channel.queuePurge(mainQueue());
    }

    void declareQueue(Channel channel, String queue) throws IOException {
        channel.queueDeclare(queue, true, false, false, withExpiry(Map.of()));
    }

    void declareExchange(Channel channel) throws IOException {
        channel.exchangeDeclare(exchange(), BuiltinExchangeType.FANOUT, true);
    }

    /** Deletes what {@link #declareMain} and friends made; missing ones are fine. */
    void deleteAll(Channel channel) throws IOException {
        channel.queueDelete(mainQueue());
        channel.queueDelete(waitersQueue());
        channel.queueDelete(deathsQueue());
        channel.exchangeDelete(exchange());
    }

    private Map<String, Object> withExpiry(Map<String, Object> extra) {
        Map<String, Object> args = new HashMap<>(extra);
        if (anonymous()) {
            args.put("x-expires", ANONYMOUS_EXPIRES.toMillis());
        }
        return args;
    }
}
