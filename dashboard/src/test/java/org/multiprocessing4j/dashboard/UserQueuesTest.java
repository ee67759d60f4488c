package org.multiprocessing4j.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class UserQueuesTest {
    @Test
    void findsTheQueuesReferencedInAJobsArgumentsUpToTheBound() {
        UserQueues queues = new UserQueues(List.of("named"));
        queues.discover("[{\"__mp4j_queue__\":{\"name\":\"anon.1f2e\",\"maxsize\":3}}, 7]");
        queues.discover("[\"__mp4j_queue__ in a string is not a reference\"]");
        queues.discover(null);
        assertEquals(List.of("named", "anon.1f2e"), queues.watched());
        for (int i = 0; i < 100; i++) {
            queues.discover("[{\"__mp4j_queue__\": {\"name\": \"q" + i + "\"}}]");
        }
        assertEquals(UserQueues.MAX_WATCHED, queues.watched().size());
    }
}
