package org.multiprocessing4j.internal.wire;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One line the task printed to {@code System.out}.
 *
 * @param seq     1, 2, 3... per job and attempt: a producer shows each line once
 * @param attempt the run it comes from (1 for the first; a retry or a rerun after a lost worker
 *                counts up); absent means 1. A producer shows a newer attempt's lines after a
 *                marker and drops lines of an older one that arrive late, so two runs never splice
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutputReply(int v, String id, long seq, String line, WorkerRef worker, Integer attempt) implements Reply {
    public static OutputReply of(String id, long seq, String line, WorkerRef worker, int attempt) {
        return new OutputReply(WireVersion.CURRENT, id, seq, line, worker, attempt == 1 ? null : attempt);
    }

    public int attemptOrFirst() {
        return attempt == null || attempt < 1 ? 1 : attempt;
    }
}
