package org.multiprocessing4j;

import org.multiprocessing4j.internal.client.ClientCore;
import org.multiprocessing4j.internal.client.DeadLetterStore;
import org.multiprocessing4j.internal.joinable.AmqpJoinableQueue;
import org.multiprocessing4j.internal.pipe.AmqpPipe;
import org.multiprocessing4j.internal.simplequeue.AmqpSimpleQueue;
import org.multiprocessing4j.pipe.Connection;
import org.multiprocessing4j.queue.JoinableQueue;
import org.multiprocessing4j.queue.RemoteQueue;
import org.multiprocessing4j.queue.SimpleQueue;
import org.multiprocessing4j.queue.Replication;

/**
 * The factories of what a {@link Multiprocessing} client shares with other machines: queues, the
 * dead letters, the history. Kept apart from the pools and processes so each file has one job; a
 * user sees these methods on {@code Multiprocessing}.
 */
abstract class SharedObjectFactories extends SyncFactories {
    final ClientCore core;

    SharedObjectFactories(ClientCore core) {
        super(core);
        this.core = core;
    }

    /** Throws ClosedException once the client is closed. */
    @Override
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

    // ---- joinable and simple queues, pipes ---------------------------------------------------

    /** {@code JoinableQueue()}: with a generated name; deleted when this client closes. */
    public JoinableQueue joinableQueue() {
        return joinableQueue(null);
    }

    /** Creates the named joinable queue, or opens it if it exists. It outlives this client. */
    public JoinableQueue joinableQueue(String name) {
        ensureOpen();
        return core.shared().track(AmqpJoinableQueue.create(core.shared().context(), name));
    }

    /** Opens an existing named joinable queue. */
    public JoinableQueue openJoinableQueue(String name) {
        ensureOpen();
        return core.shared().track(AmqpJoinableQueue.open(core.shared().context(), name));
    }

    /** {@code SimpleQueue()}: with a generated name; deleted when this client closes. */
    public SimpleQueue simpleQueue() {
        ensureOpen();
        return core.shared().track(AmqpSimpleQueue.create(core.shared().context(), null));
    }

    /** {@code Pipe()}: two connected ends, each able to send and receive. */
    public Connection[] pipe() {
        return pipe(true);
    }

    /**
     * {@code Pipe(duplex)}: with {@code duplex} false, end 0 only receives and end 1 only sends, as
     * in Python. The pipe is deleted when this client closes.
     */
    public Connection[] pipe(boolean duplex) {
        ensureOpen();
        return core.shared().track(AmqpPipe.create(core.shared().context(), duplex)).ends();
    }

    // ---- dead letters and history ----------------------------------------------------------

    /** Jobs that failed for good (poison, unknown task, retries exhausted, expired...): list, replay, purge. */
    public DeadLetters deadLetters() {
        ensureOpen();
        return new DeadLetters(new DeadLetterStore(core));
    }

    /** How many jobs wait in each named queue, delayed, and dead: read from the broker on each call. */
    public QueueDepths queueDepths() {
        ensureOpen();
        return new QueueDepths(core);
    }

    /** The jobs' history from the events stream: events, a job's logs. */
    public History history() {
        ensureOpen();
        return new History(core);
    }

}
