package org.multiprocessing4j.worker.internal.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.atomic.AtomicLong;
import org.multiprocessing4j.internal.wire.OutputReply;
import org.multiprocessing4j.internal.wire.WorkerRef;
import org.multiprocessing4j.worker.internal.job.JobObserver;
import org.multiprocessing4j.worker.internal.job.JobRun;
import org.multiprocessing4j.worker.internal.replies.ReplySender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the task prints to {@code System.out} (from its thread or threads it starts) goes to its
 * producer line by line, numbered 1, 2, 3... so a producer shows each line once even if the job
 * runs twice. Nothing is sent once the job is settled (an abandoned task that keeps printing).
 */
public final class OutputHook implements RunHook {
    private static final Logger log = LoggerFactory.getLogger(OutputHook.class);

    private final ReplySender replies;
    private final WorkerRef identity;
    private final JobObserver observer;

    public OutputHook(ReplySender replies, WorkerRef identity, JobObserver observer) {
        this.replies = replies;
        this.identity = identity;
        this.observer = observer;
    }

    @Override
    public JsonNode around(JobRun run, Invocation next) throws Exception {
        AtomicLong seq = new AtomicLong();
        OutputCapture.Capture capture = OutputCapture.begin(line -> printed(run, seq, line));
        run.onMute(capture::mute);
        try {
            return next.proceed();
        } finally {
            capture.close();
        }
    }

    private void printed(JobRun run, AtomicLong seq, String line) {
        if (run.settled()) {
            return;
        }
        String replyTo = run.delivery().replyTo();
        if (replyTo == null) {
            log.info("[{}] {}", run.id(), line); // a fire-and-forget job: its lines go to the worker's log
        }
        long n = seq.incrementAndGet();
        replies.output(replyTo, OutputReply.of(run.id(), n, line, identity, run.attempt()));
        observer.printed(run, n, line);
    }
}
