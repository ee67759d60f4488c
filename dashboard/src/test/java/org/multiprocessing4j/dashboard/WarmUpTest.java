package org.multiprocessing4j.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class WarmUpTest {
    @Test
    void serializesAFullWindowAsThePageReceivesIt() throws Exception {
        JsonNode snapshot = new ObjectMapper().readTree(WarmUp.jobsAndSnapshot(RecentJobs.MIN_CAPACITY * 5));
        assertEquals(500, snapshot.path("jobsKept").asInt());
        assertEquals(DashboardState.RECENT_SHOWN, snapshot.path("recent").size());
        assertEquals(DashboardState.RUNNING_SHOWN, snapshot.path("running").size());
    }

    @Test
    void aServerThatDoesNotAnswerOnlySkipsTheWarmUp() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        WarmUp.run("127.0.0.1", closedPort, RecentJobs.MIN_CAPACITY); // logs, does not throw
    }
}
