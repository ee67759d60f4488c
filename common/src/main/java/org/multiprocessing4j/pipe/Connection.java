package org.multiprocessing4j.pipe;

import java.time.Duration;
import org.multiprocessing4j.errors.BrokenPipeException;
import org.multiprocessing4j.errors.ClosedException;
import org.multiprocessing4j.errors.EofException;

/**
 * One end of Python's {@code multiprocessing.Pipe()}: what {@code send} puts in at one end,
 * {@code recv} takes out at the other, in order. Either end can be passed to a task or process on
 * another machine; values are JSON values, as queue items are.
 *
 * <pre>{@code
 * Connection[] ends = mp.pipe(true);                 // parent_conn, child_conn = Pipe()
 * mp.process("f", ends[1]).start();                  // the task calls conn.send(...)
 * Object first = ends[0].recv();                     // blocks until it comes; nothing polls
 * }</pre>
 *
 * <p>Each end reads a durable broker queue of its own, so what was sent survives a lost link and
 * waits for the reader. {@link #close()} is Python's: the other end's {@code recv} then raises
 * {@link EofException} once it has read everything sent before. As in Python, where the parent
 * closes its copy of an end after starting the child, closing an end that was passed to a process
 * or task only lets this copy go; the EOF comes when the copy that went on is closed. A task that
 * ends without closing its end only lets it go too: the end stays usable for the next task.
 *
 * <p>Thread-safe, but like Python's, meant for one reader and one writer per end.
 */
public interface Connection extends AutoCloseable {

    /** Sends a value to the other end. @throws BrokenPipeException if the other end is gone */
    void send(Object value);

    /**
     * Waits as long as it takes for the next value.
     *
     * @throws EofException    when the other end was closed and nothing is left
     * @throws ClosedException when this end was closed (Python's OSError)
     */
    Object recv();

    /** True if {@link #recv()} would not block (a value, or the end of the pipe, is there). */
    boolean poll();

    /** Waits at most {@code timeout} (null: as long as it takes) for something to read; false if nothing came. */
    boolean poll(Duration timeout);

    /** False for the send-only end of {@code Pipe(false)}. */
    boolean readable();

    /** False for the receive-only end of {@code Pipe(false)}. */
    boolean writable();

    boolean closed();

    /**
     * Python's close: the other end sees the end of the pipe after what was sent (unless this end
     * was passed on to a process or task: then only this copy is let go). Idempotent.
     */
    @Override
    void close();
}
