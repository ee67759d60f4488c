package org.multiprocessing4j.bench;

/** Where the quorum-queue baseline's rows go: what the jobs queue's type costs by itself. */
final class QuorumNote {
    static final String GROUP = "The baseline on a quorum queue (the type of this project's jobs queue)";
    static final String PROJECT_GROUP = "This project against the baseline on a quorum queue";

    private QuorumNote() {
    }
}
