package org.multiprocessing4j.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.connection.JobsQueueType;
import picocli.CommandLine;

/** The dashboard connects as a client of the namespace, so it must be told the jobs queues' type too. */
class DashboardJobsQueueOptionTest {

    @Test
    void takesTheJobsQueueTypeFromTheOptionOrTheEnvironment() {
        assertEquals(JobsQueueType.QUORUM, config(Map.of()).settings().jobsQueue());
        assertEquals(JobsQueueType.CLASSIC, config(Map.of(), "--jobs-queue", "classic").settings().jobsQueue());
        assertEquals(JobsQueueType.CLASSIC, config(Map.of("MP4J_JOBS_QUEUE", "classic")).settings().jobsQueue());
    }

    @Test
    void refusesAnyOtherTypeWithOneLineAndExitTwo() {
        CommandLine commandLine = DashboardMain.commandLine(Map.of());
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute("--jobs-queue", "fast", "--uri", "amqp://guest:guest@127.0.0.1:1/%2F");
        assertEquals(2, exit, err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith(
                "dashboard: --jobs-queue: jobs queue type must be quorum or classic, got 'fast'"), err.toString());
    }

    private static DashboardConfig config(Map<String, String> env, String... args) {
        CommandLine commandLine = DashboardMain.commandLine(env);
        commandLine.parseArgs(args);
        return commandLine.<DashboardMain>getCommand().checkedConfig();
    }
}
