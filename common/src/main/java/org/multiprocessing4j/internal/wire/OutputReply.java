package org.multiprocessing4j.internal.wire;

/**
 * One line the task printed to {@code System.out}.
 *
 * @param seq 1, 2, 3... per job and attempt; a rerun prints the same numbers again, so the
 *            producer shows each line once
 */
public record OutputReply(int v, String id, long seq, String line, WorkerRef worker) implements Reply {
    public static OutputReply of(String id, long seq, String line, WorkerRef worker) {
        return new OutputReply(WireVersion.CURRENT, id, seq, line, worker);
    }
}
