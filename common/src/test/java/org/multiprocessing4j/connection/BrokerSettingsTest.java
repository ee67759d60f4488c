package org.multiprocessing4j.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerSettingsTest {

    @Test
    void theEnvironmentOverridesTheDefaults() {
        BrokerSettings settings = BrokerSettings.fromEnvironment(Map.of(
                "AMQP_URI", "amqps://app:s3cret@rabbit.example:5671/prod", "MP4J_NAMESPACE", "team-a"));
        assertEquals("amqps://app:s3cret@rabbit.example:5671/prod", settings.uri());
        assertEquals("team-a", settings.namespace());
        assertTrue(settings.tls());
        assertEquals(BrokerSettings.DEFAULT_URI, BrokerSettings.fromEnvironment(Map.of()).uri());
    }

    @Test
    void thePasswordNeverAppearsInTextMeantForPeople() {
        BrokerSettings settings = BrokerSettings.defaults().withUri("amqp://app:s3cret@rabbit:5672/%2F");
        assertEquals("amqp://app:***@rabbit:5672/%2F", settings.maskedUri());
        assertFalse(settings.toString().contains("s3cret"), settings.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BrokerSettings.defaults().withUri("http://app:s3cret@rabbit"));
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    }

    @Test
    void badValuesAreRefusedWhenSet() {
        assertThrows(IllegalArgumentException.class, () -> BrokerSettings.defaults().withUri("amqp://"));
        assertThrows(IllegalArgumentException.class, () -> BrokerSettings.defaults().withNamespace("has space"));
        assertThrows(IllegalArgumentException.class, () -> BrokerSettings.defaults().withHeartbeat(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> BrokerSettings.defaults().withMaxMessageSize(0));
        IllegalArgumentException reserved = assertThrows(IllegalArgumentException.class,
                () -> BrokerSettings.defaults().withNamespace("amq.x"), "the broker would refuse it with a bare 403");
        assertTrue(reserved.getMessage().contains("reserves names starting with 'amq.'"), reserved.getMessage());
        IllegalArgumentException noScheme = assertThrows(IllegalArgumentException.class,
                () -> BrokerSettings.defaults().withUri("amqp//guest:pwSecret1@localhost"));
        assertFalse(noScheme.getMessage().contains("pwSecret1"), noScheme.getMessage());
    }

    @Test
    void maskingWorksEvenOnUrisThatDoNotParse() {
        assertEquals("amqp://u:***@h:5672/%zz", MaskedUri.mask("amqp://u:p@ss@h:5672/%zz"));
        assertEquals("amqp://localhost", MaskedUri.mask("amqp://localhost"));
    }

    @Test
    void severalNodesShareOneSetOfCredentialsAndOneVirtualHost() {
        BrokerSettings settings = BrokerSettings.defaults().withUri("amqp://u:p@rabbit1:25801,rabbit2:25802,rabbit3/%2F");
        assertEquals(List.of(new BrokerNode("rabbit1", 25801), new BrokerNode("rabbit2", 25802),
                new BrokerNode("rabbit3", 5672)), settings.nodes());
        assertEquals("amqp://u:p@rabbit2:25802/%2F", settings.nodeUri(settings.nodes().get(1)));
        assertEquals("amqp://u:***@rabbit1:25801,rabbit2:25802,rabbit3/%2F", settings.maskedUri());
    }

    @Test
    void aNodeWithoutAPortUsesTheSchemesAndIpv6AddressesGoInBrackets() {
        assertEquals(List.of(new BrokerNode("localhost", 5672)), BrokerSettings.defaults().nodes());
        assertEquals(List.of(new BrokerNode("r1", 5671), new BrokerNode("::1", 25801)),
                BrokerSettings.defaults().withUri("amqps://u:p@r1,[::1]:25801/prod").nodes());
        assertEquals("[::1]:25801", new BrokerNode("::1", 25801).toString());
    }

    @Test
    void aListOfFullUrisIsTheSameClusterWhenTheyAgreeOnAllButTheNodes() {
        BrokerSettings settings = BrokerSettings.defaults()
                .withUri("amqp://u:s3cret@h1:25801/%2F,amqp://u:s3cret@h2:25802/%2F, amqp://u:s3cret@h3:25803/%2F");
        assertEquals(List.of(new BrokerNode("h1", 25801), new BrokerNode("h2", 25802), new BrokerNode("h3", 25803)),
                settings.nodes());
        assertEquals("amqp://u:s3cret@h3:25803/%2F", settings.nodeUri(settings.nodes().get(2)));
        assertFalse(settings.maskedUri().contains("s3cret"), settings.maskedUri());
    }

    @Test
    void aListOfUrisThatDisagreeIsRefusedSayingWhatDiffersWithoutThePasswords() {
        String[][] cases = {
                {"amqp://u:s3cret@h1/%2F,amqp://u:0ther@h2/%2F", "user or password"},
                {"amqp://u:s3cret@h1/%2F,amqps://u:s3cret@h2/%2F", "scheme"},
                {"amqp://u:s3cret@h1/%2F,amqp://u:s3cret@h2/prod", "virtual host"},
        };
        for (String[] c : cases) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> BrokerSettings.defaults().withUri(c[0]));
            assertTrue(e.getMessage().contains("differ in their " + c[1]), e.getMessage());
            assertTrue(e.getMessage().contains("amqp://user:password@host1:5672,host2:5672/%2F"), e.getMessage());
            assertFalse(e.getMessage().contains("s3cret") || e.getMessage().contains("0ther"), e.getMessage());
        }
    }

    @Test
    void aPasswordWithCharactersAUriDoesNotAllowIsRefusedWithAHintAndNeverShown() {
        // Issue 16 item 3: the first one used to print "broker URI has no host: amqp://guest:Secr/etTail99@..."
        List<String> uris = List.of("amqp://guest:Secr/etTail99@127.0.0.1:5672/%2F",
                "amqp://guest:Sec@r/etTail99@127.0.0.1:5672/%2F", "amqp://guest:Se:cr/etTail99@h1:25801,h2:25802/%2F",
                "amqp://guest:Secr?etTail99@127.0.0.1/%2F", "amqp://guest:Secr#etTail99@127.0.0.1/%2F",
                "amqp://guest:Secr%zzetTail99@127.0.0.1/%2F", "amqp://guest:Secr etTail99@127.0.0.1/%2F",
                "amqp://guest:Secr/etTail99@127.0.0.1:5672/%2F,amqp://guest:Secr/etTail99@127.0.0.2:5672/%2F");
        for (String uri : uris) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> BrokerSettings.defaults().withUri(uri), uri);
            assertFalse(e.getMessage().contains("Secr") || e.getMessage().contains("etTail99"), e.getMessage());
            assertTrue(e.getMessage().contains("percent-encode"), e.getMessage());
            assertTrue(e.getMessage().contains("guest:***@"), e.getMessage());
        }
        assertEquals("amqp://guest:Secr%2FetTail99@127.0.0.1:5672/%2F", BrokerSettings.defaults()
                .withUri("amqp://guest:Secr%2FetTail99@127.0.0.1:5672/%2F").uri(), "encoded, it is accepted");
    }

    @Test
    void badHostsAndPortsNameTheBadPartAndNotThePassword() {
        String[][] cases = {
                {"amqp://u:s3cret@h1:25801,,h3/%2F", "empty host"},
                {"amqp://u:s3cret@h1:0/%2F", "invalid port '0'"},
                {"amqp://u:s3cret@h1:x/%2F", "invalid port 'x'"},
                {"amqp://u:s3cret@h1:25801,h2:99999/%2F", "invalid port '99999'"},
                {"amqp://u:s3cret@::1/%2F", "IPv6"},
                {"amqp://u:s3cret@/%2F", "no host"},
                {"amqp://u:s3cret@h1/a/b", "one path segment"},
                {"rabbit://u:s3cret@h1/%2F", "must start with amqp://"},
                {"u:s3cret@h1", "must start with amqp://"},
        };
        for (String[] c : cases) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> BrokerSettings.defaults().withUri(c[0]), c[0]);
            assertTrue(e.getMessage().contains(c[1]), e.getMessage());
            assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        }
    }

    @Test
    void maskingHidesEveryPasswordOfAList() {
        assertEquals("amqp://a:***@h1/%2F,amqps://b:***@h2/x", MaskedUri.mask("amqp://a:one@h1/%2F,amqps://b:two@h2/x"));
        assertEquals("amqp://guest:***@127.0.0.1:5672/%2F", MaskedUri.mask("amqp://guest:Secr/etTail99@127.0.0.1:5672/%2F"));
        assertEquals("amqp://guest:***@127.0.0.1/%2F", MaskedUri.mask("amqp://guest:a@b/c:d@127.0.0.1/%2F"));
        assertEquals("guest:***@h1", MaskedUri.mask("guest:s3cret@h1"));
    }

    @Test
    void theJobsQueueTypeIsQuorumUnlessChosenAndIsReadFromTheEnvironment() {
        assertEquals(JobsQueueType.QUORUM, BrokerSettings.defaults().jobsQueue());
        assertEquals(JobsQueueType.QUORUM, BrokerSettings.fromEnvironment(Map.of("MP4J_JOBS_QUEUE", " ")).jobsQueue());
        assertEquals(JobsQueueType.CLASSIC, BrokerSettings.fromEnvironment(Map.of("MP4J_JOBS_QUEUE", "Classic")).jobsQueue());
        BrokerSettings classic = BrokerSettings.defaults().withJobsQueue(JobsQueueType.CLASSIC).withNamespace("other");
        assertEquals(JobsQueueType.CLASSIC, classic.jobsQueue(), "kept by the other with* methods");
        assertTrue(classic.toString().contains("jobsQueue=classic"), classic.toString());
        BrokerSettings old = new BrokerSettings(BrokerSettings.DEFAULT_URI, BrokerSettings.DEFAULT_CONNECT_TIMEOUT,
                BrokerSettings.DEFAULT_HEARTBEAT, BrokerSettings.DEFAULT_RECOVERY_INTERVAL, "ns",
                BrokerSettings.DEFAULT_MAX_MESSAGE_SIZE, null);
        assertEquals(JobsQueueType.QUORUM, old.jobsQueue(), "the constructor of earlier versions still works");
    }

    @Test
    void aJobsQueueTypeOtherThanQuorumOrClassicIsRefusedSayingWhatIsAccepted() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BrokerSettings.fromEnvironment(Map.of("MP4J_JOBS_QUEUE", "fast")));
        assertEquals("MP4J_JOBS_QUEUE: jobs queue type must be quorum or classic, got 'fast'", e.getMessage());
        assertThrows(NullPointerException.class, () -> BrokerSettings.defaults().withJobsQueue(null));
        assertEquals(JobsQueueType.CLASSIC, JobsQueueType.parse(" CLASSIC "));
        assertEquals("quorum", JobsQueueType.QUORUM.wireName());
    }
}
