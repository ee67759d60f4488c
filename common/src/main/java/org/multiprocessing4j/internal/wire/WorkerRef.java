package org.multiprocessing4j.internal.wire;

/** Which worker process did something: its name, host and OS process id. */
public record WorkerRef(String name, String host, long pid) {
    @Override
    public String toString() {
        return name + " (" + host + ", pid " + pid + ")";
    }
}
