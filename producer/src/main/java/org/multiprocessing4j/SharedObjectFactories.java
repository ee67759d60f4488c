package org.multiprocessing4j;

import org.multiprocessing4j.internal.client.ClientCore;
import org.multiprocessing4j.internal.client.DeadLetterStore;
import org.multiprocessing4j.queue.RemoteQueue;
import org.multiprocessing4j.queue.Replication;

/**
 * The factories of what a {@link Multiprocessing} client shares with other machines: queues, the
 * dead letters, the history. Kept apart from the pools and processes so each file has one job; a
 * user sees these methods on {@code Multiprocessing}.
 */
abstract class SharedObjectFactories {
    final ClientCore core;

    SharedObjectFactories(ClientCore core) {
        this.core = core;
    }

    /** Throws ClosedException once the client is closed. */
    abstract void ensureOpen();

    ClientCore core() {
        return core;
    }

    /** {@code Queue()}: unbounded, with a generated name; deleted when this client closes. */
    public RemoteQueue queue() {
        return queue(0);
    }

    /** {@code Queue(maxsize)}: with a generated name; deleted when this client closes. */
    public RemoteQueue queue(int maxsize) {
        ensureOpen();
        return core.createQueue(null, maxsize, false);
    }

    /** Creates the named queue, or opens it if it exists with the same maxsize. It outlives this client. */
    public RemoteQueue queue(String name, int maxsize) {
        return queue(name, maxsize, Replication.SINGLE_NODE);
    }

    /**
     * The same, choosing where its items live on a cluster: {@link Replication#REPLICATED} keeps the
     * queue working while a node is down. A queue's replication cannot change once it exists.
     */
    public RemoteQueue queue(String name, int maxsize, Replication replication) {
        ensureOpen();
        return core.createQueue(name, maxsize, replication == Replication.REPLICATED);
    }

    /** Opens an existing named queue, whatever its maxsize. */
    public RemoteQueue openQueue(String name) {
        ensureOpen();
        return core.openQueue(name);
    }

    // ---- dead letters and history ----------------------------------------------------------

    /** Jobs that failed for good (poison, unknown task, retries exhausted, expired...): list, replay, purge. */
    public DeadLetters deadLetters() {
        ensureOpen();
        return new DeadLetters(new DeadLetterStore(core));
    }

    /** The jobs' history from the events stream: events, a job's logs. */
    public History history() {
        ensureOpen();
        return new History(core);
    }

}
