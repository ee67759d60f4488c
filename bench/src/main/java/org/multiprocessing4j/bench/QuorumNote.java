package org.multiprocessing4j.bench;

/**
 * Where the quorum baseline's rows go: the baseline with quorum queues for its requests and its
 * replies, as this project's jobs and reply queues are, so what the queue type costs by itself shows,
 * and the project's ratio to a baseline with the same replication is the distance left on this design.
 */
final class QuorumNote {
    static final String GROUP = "The baseline on quorum queues (the type of this project's jobs and reply queues)";
    static final String PROJECT_GROUP = "This project against the baseline on quorum queues (the same replication)";

    private QuorumNote() {
    }
}
