package org.multiprocessing4j.dashboard;

import java.time.Duration;
import java.util.List;
import org.multiprocessing4j.connection.BrokerSettings;

/**
 * A dashboard's settings, checked: where the broker is, the token for actions, where to listen,
 * how many jobs to keep and how much history to read at start.
 *
 * @param loopbackOnly the bind address is a loopback one: only this machine can reach the page
 */
record DashboardConfig(BrokerSettings settings, AccessToken token, String bind, int port, boolean loopbackOnly,
                       int recentJobs, Duration backlog, List<String> userQueues) {
}
