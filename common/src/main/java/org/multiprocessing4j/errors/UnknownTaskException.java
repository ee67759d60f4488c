package org.multiprocessing4j.errors;

/** The worker that took the job has no task registered under that name; the job was dead-lettered, not retried. */
public class UnknownTaskException extends RemoteTaskException {
    public UnknownTaskException(String taskName, String where, RemoteCause remote) {
        super(taskName, where, remote);
    }
}
