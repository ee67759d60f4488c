package org.multiprocessing4j.testkit;

import java.util.List;

/**
 * The rabbit application settings every private node (PrivateBroker, PrivateCluster) starts with:
 * the same as the project ships for its own brokers in deploy/rabbitmq-advanced.config, so the
 * fault tests run against the configuration users are told to use.
 */
final class NodeDefaults {
    /**
     * A delay level that passes a message on while the next level has no leader yet (just after a
     * restart) is refused, and RabbitMQ retries only after this timeout: 180 s by default, which
     * made delayed jobs start minutes late after a broker restart.
     */
    static final List<String> RABBIT_APP_ENV = List.of("{dead_letter_worker_publisher_confirm_timeout, 1000}");

    private NodeDefaults() {
    }

    /** The advanced.config text that sets these terms of the rabbit application. */
    static String advancedConfig(List<String> terms) {
        return "[{rabbit, [" + String.join(", ", terms) + "]}].\n";
    }

    /** The key of an application env term such as {@code {channel_tick_interval, 1000}}. */
    static String key(String term) {
        String inner = term.trim();
        inner = inner.startsWith("{") ? inner.substring(1) : inner;
        int comma = inner.indexOf(',');
        return (comma < 0 ? inner : inner.substring(0, comma)).trim();
    }
}
