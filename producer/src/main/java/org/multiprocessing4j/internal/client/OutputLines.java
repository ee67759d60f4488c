package org.multiprocessing4j.internal.client;

import org.multiprocessing4j.internal.wire.OutputReply;

/**
 * Shows a job's output lines once each, from one run at a time: the lines of a newer run (a retry,
 * or a rerun after a worker was lost) come after a marker, never spliced into the older run's.
 */
final class OutputLines {
    private OutputLines() {
    }

    static void show(JobHandle handle, OutputReply line, ReplyRouter.OutputListener output) {
        JobHandle.OutputClaim claim = handle.claimOutput(line.attemptOrFirst(), line.seq());
        if (claim == JobHandle.OutputClaim.SHOW_AFTER_RESTART_MARKER) {
            output.line(handle, restartMarker(handle, line));
        }
        if (claim != JobHandle.OutputClaim.DROP) {
            output.line(handle, line);
        }
    }

    /** The producer's own line (seq 0), in the new run's name, so it reads as part of that run. */
    static OutputReply restartMarker(JobHandle handle, OutputReply first) {
        String worker = first.worker() == null ? "another worker" : "worker " + first.worker().name();
        return OutputReply.of(handle.id(), 0, "--- job " + handle.id() + " (" + handle.task() + ") restarted on " + worker
                + ": attempt " + first.attemptOrFirst() + "; the lines above came from an earlier attempt ---",
                first.worker(), first.attemptOrFirst());
    }
}
