package org.multiprocessing4j.queue;

/**
 * Where a queue's items live on a RabbitMQ cluster. On a single broker both behave alike.
 *
 * <pre>{@code
 * RemoteQueue q = mp.queue("results", 100, Replication.REPLICATED);
 * }</pre>
 */
public enum Replication {
    /**
     * A classic queue, on the node where it was created: the fastest, but while that node is down the
     * queue can be neither used nor declared, and its items wait for the node (the default).
     */
    SINGLE_NODE,
    /**
     * A quorum queue, replicated on several nodes: it keeps working while a minority of nodes is
     * down, for some throughput and memory (see docs/GUARANTEES.md for the figures).
     */
    REPLICATED
}
