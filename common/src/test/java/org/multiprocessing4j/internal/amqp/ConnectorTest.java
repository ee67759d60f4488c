package org.multiprocessing4j.internal.amqp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Address;
import com.rabbitmq.client.Connection;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.connection.BrokerNode;
import org.multiprocessing4j.connection.BrokerSettings;
import org.multiprocessing4j.errors.BrokerUnavailableException;
import org.multiprocessing4j.testkit.BrokerTest;
import org.multiprocessing4j.testkit.Ports;
import org.multiprocessing4j.testkit.TestBroker;

@BrokerTest
class ConnectorTest {

    @Test
    void aClientGivenSeveralNodesConnectsToTheOneThatAnswersAndSaysWhichItIs(TestBroker broker) throws Exception {
        BrokerSettings live = BrokerSettings.defaults().withUri(broker.uri());
        BrokerNode liveNode = live.nodes().get(0);
        // Nothing listens on these: like cluster nodes that are down.
        String dead1 = live.nodeUri(new BrokerNode("127.0.0.1", Ports.free()));
        String dead2 = live.nodeUri(new BrokerNode("127.0.0.1", Ports.free()));
        BrokerSettings list = live.withUri(dead1 + "," + broker.uri() + "," + dead2).withConnectTimeout(Duration.ofSeconds(10));
        assertEquals(3, list.nodes().size());
        for (int i = 0; i < 5; i++) {
            try (Connection connection = Connector.connect(list, "connector-test")) {
                assertEquals(liveNode.port(), connection.getPort());
                assertEquals(liveNode.toString(), Connector.node(connection));
                connection.createChannel().close();
            }
        }
    }

    @Test
    void whenNoNodeAnswersTheErrorNamesEveryNodeWithoutThePassword() {
        String uri = "amqp://app:s3cret@127.0.0.1:" + Ports.free() + ",127.0.0.1:" + Ports.free() + "/%2F";
        BrokerUnavailableException e = assertThrows(BrokerUnavailableException.class, () -> Connector.connect(
                BrokerSettings.defaults().withUri(uri).withConnectTimeout(Duration.ofSeconds(1)), "connector-test"));
        assertTrue(e.getMessage().contains(BrokerSettings.defaults().withUri(uri).maskedUri()), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    }

    @Test
    void everyClientShufflesTheNodesSoThatClientsSpreadOverTheCluster() {
        BrokerSettings settings = BrokerSettings.defaults().withUri("amqp://u:p@h1:25801,h2:25802,h3:25803/%2F");
        Set<String> firstChoices = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            List<Address> addresses = Connector.addresses(settings);
            assertEquals(Set.of(new Address("h1", 25801), new Address("h2", 25802), new Address("h3", 25803)),
                    Set.copyOf(addresses));
            firstChoices.add(addresses.get(0).getHost());
        }
        assertEquals(Set.of("h1", "h2", "h3"), firstChoices);
    }
}
