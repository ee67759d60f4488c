package org.multiprocessing4j.internal.joinable;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.multiprocessing4j.internal.amqp.Topology;

/**
 * The broker objects behind a JoinableQueue named {@code q}: its items in the ordinary user queue
 * {@code <ns>.queue.q} (so {@code producer queue size q} works), one token per unfinished item in
 * {@code <ns>.joinable.q.unfinished}, and the topic exchange {@code <ns>.joinable} on which the
 * taskDone that takes the last token tells joiners (routing key {@code q}).
 */
record JoinableNames(Topology topology, String name) {

    String items() {
        return topology.userQueue(name);
    }

    String tokens() {
        return topology.namespace() + ".joinable." + name + ".unfinished";
    }

    String doneExchange() {
        return topology.namespace() + ".joinable";
    }

    String doneKey() {
        return name;
    }

    /** Items, tokens and the exchange; an anonymous queue's tokens expire with its items. */
    void declare(Channel channel) throws IOException {
        topology.declareUserQueue(channel, name, 0);
        Map<String, Object> args = new HashMap<>();
        if (name.startsWith(Topology.ANONYMOUS_QUEUE_PREFIX)) {
            args.put("x-expires", Topology.ANONYMOUS_QUEUE_EXPIRES.toMillis());
        }
        channel.queueDeclare(tokens(), true, false, false, args);
        declareExchange(channel);
    }

    void declareExchange(Channel channel) throws IOException {
        channel.exchangeDeclare(doneExchange(), BuiltinExchangeType.TOPIC, true);
    }
}
