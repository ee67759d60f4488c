package org.multiprocessing4j;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.multiprocessing4j.errors.MpException;
import org.multiprocessing4j.internal.client.ClientCore;
import org.multiprocessing4j.internal.client.DetachedFollower;
import org.multiprocessing4j.internal.client.DetachedJobs;
import org.multiprocessing4j.internal.client.JobHandle;
import org.multiprocessing4j.internal.client.Outcomes;
import org.multiprocessing4j.internal.wire.CancelMessage;
import org.multiprocessing4j.internal.wire.OutputReply;
import org.multiprocessing4j.internal.wire.Reply;
import org.multiprocessing4j.internal.wire.ResultReply;
import org.multiprocessing4j.internal.wire.StartedReply;
import org.multiprocessing4j.internal.wire.WorkerRef;

/**
 * A process started with {@link Multiprocessing#startDetached} by this or any other program, found
 * by its id: look at it ({@link #status()}), wait for it and collect it ({@link #join}), stop it.
 * Its replies wait on the broker for a day; once a join has collected it, the id is gone.
 *
 * <pre>{@code
 * String id = mp.startDetached(Call.of("clock", 1), null).id();     // in one program...
 * DetachedProcess p = mp.detachedProcess(id);                       // ...and in another
 * p.status().state();                                               // WAITING, RUNNING or FINISHED
 * Integer exitCode = p.join(Duration.ofMinutes(5));                 // its lines to the output sink; null if not done
 * }</pre>
 */
public final class DetachedProcess {
    private static final Duration CANCEL_CONFIRM_TIMEOUT = Duration.ofSeconds(10);
    /** Well below RabbitMQ's default consumer timeout (30 min), which would close a follower holding replies. */
    private static final Duration FOLLOW_STRETCH = Duration.ofMinutes(10);

    private final String id;
    private final ClientCore core;
    private final OutputSink output;
    private volatile MpException failure;

    DetachedProcess(String id, ClientCore core, OutputSink output) {
        this.id = id;
        this.core = core;
        this.output = output;
    }

    public String id() {
        return id;
    }

    /** What it has done so far, read without taking anything away from a later join. */
    public ProcessStatus status() {
        StartedReply started = null;
        ResultReply result = null;
        List<String> lines = new ArrayList<>();
        long shownSeq = 0;
        for (Reply reply : new DetachedJobs(core).peek(id)) {
            if (reply instanceof StartedReply s) {
                started = s;
            } else if (reply instanceof OutputReply o && o.seq() > shownSeq) {
                lines.add(o.line());
                shownSeq = o.seq();
            } else if (reply instanceof ResultReply r && result == null) {
                result = r;
            }
        }
        WorkerRef worker = result != null && result.worker() != null ? result.worker()
                : started != null ? started.worker() : null;
        ProcessStatus.State state = result != null ? ProcessStatus.State.FINISHED
                : started != null ? ProcessStatus.State.RUNNING : ProcessStatus.State.WAITING;
        return new ProcessStatus(id, state, worker == null ? null : worker.name(), worker == null ? null : worker.host(),
                worker == null ? null : worker.pid(), started == null ? 1 : started.attempt(),
                result == null ? null : Outcomes.exitCode(result), List.copyOf(lines));
    }

    /**
     * Follows it: every line it printed (from the first) goes to the client's output sink as it
     * comes; when it finishes, it is collected (the id is gone) and its exit code returned. Returns
     * null if {@code timeout} (null: none) ran out first; the process keeps running and can be
     * joined again, from its first line. One join at a time per process; while one follows it,
     * {@link #status()} elsewhere sees only what arrived since.
     */
    public Integer join(Duration timeout) {
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        JobHandle handle = DetachedFollower.handleFor(id);
        while (true) {
            // In stretches shorter than the broker's consumer timeout: the replies are held unacknowledged.
            long leftNanos = deadline - System.nanoTime();
            Duration stretch = Duration.ofNanos(Math.max(0, Math.min(leftNanos, FOLLOW_STRETCH.toNanos())));
            DetachedFollower follower = new DetachedJobs(core).follow(handle,
                    (job, line) -> output.line(OutputLine.of(job, line)));
            try {
                if (Waits.awaitDone(handle.result(), stretch)) {
                    ResultReply result = Waits.await(handle.result(), Duration.ZERO, "process " + id);
                    follower.collect();
                    failure = result.outcome() == ResultReply.Outcome.OK ? null : Outcomes.failure("process", result);
                    return Outcomes.exitCode(result);
                }
            } finally {
                follower.close();
            }
            if (deadline - System.nanoTime() <= 0) {
                return null;
            }
        }
    }

    /** What it raised (or why it stopped), once a join returned a non-zero exit code; else null. */
    public MpException failure() {
        return failure;
    }

    public void terminate() {
        cancel(core, id, false);
    }

    public void kill() {
        cancel(core, id, true);
    }

    static void cancel(ClientCore core, String jobId, boolean kill) {
        Waits.await(core.cancel(jobId, kill ? CancelMessage.Signal.KILL : CancelMessage.Signal.TERMINATE),
                CANCEL_CONFIRM_TIMEOUT, "the cancellation of " + jobId);
    }

    @Override
    public String toString() {
        return "<DetachedProcess id='" + id + "'>";
    }
}
