package org.multiprocessing4j.errors;

/**
 * The job was delivered the maximum number of times and each time the worker holding it died
 * or lost its link before answering. It was dead-lettered so it cannot crash-loop the cluster.
 */
public class PoisonTaskException extends RemoteTaskException {
    public PoisonTaskException(String taskName, String where, RemoteCause remote) {
        super(taskName, where, remote);
    }
}
