package org.multiprocessing4j.cli;

import org.multiprocessing4j.errors.BadArgumentsException;
import org.multiprocessing4j.errors.BrokerUnavailableException;
import org.multiprocessing4j.errors.ConnectionLostException;
import org.multiprocessing4j.errors.EncodingException;
import org.multiprocessing4j.errors.JobsQueueTypeException;
import org.multiprocessing4j.errors.PayloadTooLargeException;
import org.multiprocessing4j.errors.QueueEmptyException;
import org.multiprocessing4j.errors.QueueFullException;
import org.multiprocessing4j.errors.QueueNotFoundException;
import org.multiprocessing4j.errors.RemoteTaskException;
import org.multiprocessing4j.errors.TaskTimeoutException;
import org.multiprocessing4j.errors.TerminatedException;
import org.multiprocessing4j.errors.UnknownTaskException;

/**
 * The producer's exit codes, one per thing a caller (or a script) can act on; the README's table of
 * error messages follows this class. A user mistake is refused before anything is published, with
 * one line naming the bad value; {@link #INTERNAL} is only for bugs. A command ended by Ctrl-C or
 * SIGTERM exits as the JVM does on that signal (130, 143) after cleaning up on the broker.
 */
public final class ExitCodes {
    public static final int OK = 0;
    /** The task (or process) failed on its worker. */
    public static final int TASK_FAILED = 1;
    /**
     * Bad command line: unknown command or option, a value out of range or given empty, malformed JSON,
     * an unusable --file, a reserved namespace, no such queue or process, a queue that exists with
     * another maxsize, a jobs queue that exists with the other type than --jobs-queue.
     */
    public static final int USAGE = 2;
    /** No broker reachable, or the link was lost. */
    public static final int BROKER_UNAVAILABLE = 3;
    /** A --timeout ran out (it bounds the whole command); what the command started is terminated, except a detached process. */
    public static final int TIMEOUT = 4;
    /** Queue empty (get) or full (put) within the timeout. */
    public static final int QUEUE_EMPTY_OR_FULL = 5;
    /** The task was terminated or killed. */
    public static final int TERMINATED = 6;
    /** No worker knows the task. */
    public static final int UNKNOWN_TASK = 7;
    /** A value cannot be sent: not JSON, nested too deeply, or larger than the broker accepts. */
    public static final int BAD_VALUE = 8;
    /** Anything else: a bug or an unexpected broker answer; --debug shows the stack trace. */
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }

    static int of(Throwable e) {
        if (e instanceof UnknownTaskException) {
            return UNKNOWN_TASK;
        }
        if (e instanceof RemoteTaskException) {
            return TASK_FAILED;
        }
        if (e instanceof BrokerUnavailableException || e instanceof ConnectionLostException) {
            return BROKER_UNAVAILABLE;
        }
        if (e instanceof TaskTimeoutException) {
            return TIMEOUT;
        }
        if (e instanceof QueueEmptyException || e instanceof QueueFullException) {
            return QUEUE_EMPTY_OR_FULL;
        }
        if (e instanceof TerminatedException) {
            return TERMINATED;
        }
        if (e instanceof EncodingException || e instanceof PayloadTooLargeException) {
            return BAD_VALUE;
        }
        if (e instanceof IllegalArgumentException || e instanceof QueueNotFoundException
                || e instanceof org.multiprocessing4j.errors.TooManyTaskDoneException
                || e instanceof BadArgumentsException || e instanceof JobsQueueTypeException) {
            return USAGE;
        }
        return INTERNAL;
    }
}
