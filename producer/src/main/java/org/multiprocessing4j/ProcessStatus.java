package org.multiprocessing4j;

import java.util.List;

/**
 * Where a detached process stands, read without collecting it.
 *
 * @param id       the process's id (its job id)
 * @param state    waiting for a worker, running, or finished
 * @param worker   the worker running (or that ran) it, null while waiting
 * @param host     that worker's host, null while waiting
 * @param pid      that worker's OS pid, null while waiting
 * @param attempt  1, or higher when it was started again after a worker was lost
 * @param exitCode Python's exit code once finished (0, 1 raised, -15 terminated, -9 killed), else null
 * @param lines    the lines it printed so far, in order
 */
public record ProcessStatus(String id, State state, String worker, String host, Long pid, int attempt, Integer exitCode,
                            List<String> lines) {

    public enum State { WAITING, RUNNING, FINISHED }
}
