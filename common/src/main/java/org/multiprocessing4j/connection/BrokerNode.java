package org.multiprocessing4j.connection;

import java.util.Objects;

/**
 * One broker node of {@link BrokerSettings#nodes()}: a host and its AMQP port.
 *
 * @param host a host name, an IPv4 address or an IPv6 address (without brackets)
 * @param port the node's AMQP (or AMQPS) port
 */
public record BrokerNode(String host, int port) {
    public BrokerNode {
        Objects.requireNonNull(host, "host");
        if (host.isEmpty()) {
            throw new IllegalArgumentException("a broker node needs a host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("a broker port must be 1-65535, got " + port);
        }
    }

    /** {@code host:port}, with an IPv6 address in brackets: how logs and tables show a node. */
    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
