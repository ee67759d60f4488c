package org.multiprocessing4j.dashboard;

import java.util.List;

/**
 * What the page receives once a second over Server-Sent Events: the cluster now, the rates over
 * 15 minutes, the running and latest jobs. Holds no broker credentials: the broker is named by its
 * masked URI only.
 */
record Snapshot(long at, Broker broker, List<Worker> workers, Queues queues, Rates.Series rates,
                List<JobView> running, List<JobView> recent, int jobsKept, int jobsWindow, String error) {

    /** The broker as the page may see it: masked URI (password replaced), namespace. */
    record Broker(String uri, String namespace) {
    }

    record Worker(String name, String host, long pid, int busy, int capacity, long completed, long startedAt,
                  List<String> queues) {
    }

    /** @param waiting jobs ready per named queue */
    record Queues(List<NamedQueue> waiting, long delayed, long deadLetters, List<UserQueue> user) {
    }

    record NamedQueue(String name, long waiting) {
    }

    /** @param exists false for a queue named with --user-queue that is not there */
    record UserQueue(String name, int size, int maxsize, boolean exists) {
    }
}
