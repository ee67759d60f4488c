package org.multiprocessing4j.cli.support;

import org.multiprocessing4j.connection.JobsQueueType;

/** The jobs queue type of --jobs-queue or MP4J_JOBS_QUEUE, refused with the name of where it came from. */
final class JobsQueues {
    private JobsQueues() {
    }

    static JobsQueueType parse(String source, String value) {
        try {
            return JobsQueueType.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }
}
