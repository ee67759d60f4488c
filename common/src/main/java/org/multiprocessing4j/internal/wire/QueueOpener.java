package org.multiprocessing4j.internal.wire;

import org.multiprocessing4j.queue.RemoteQueue;

/** Turns a queue reference that arrived in a message into a live queue on this side's connection. */
@FunctionalInterface
public interface QueueOpener {
    RemoteQueue open(QueueRef ref);
}
