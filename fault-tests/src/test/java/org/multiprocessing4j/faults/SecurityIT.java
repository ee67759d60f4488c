package org.multiprocessing4j.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.OutputSink;
import org.multiprocessing4j.connection.BrokerSettings;
import org.multiprocessing4j.errors.BrokerUnavailableException;
import org.multiprocessing4j.testkit.ChildProcess;
import org.multiprocessing4j.testkit.PrivateBroker;
import org.multiprocessing4j.testkit.TlsMaterial;

/**
 * Security defaults: TLS (amqps://) works and checks the broker's certificate; passwords never
 * appear in logs or error messages. (That no class named by a message is loaded, and that Jackson's
 * default typing stays off, is shown by BadInputIT and WireCodecTest.)
 */
class SecurityIT {
    private static final String PASSWORD = "s3cret-pw-4711";
    private static TlsMaterial tls;
    private static PrivateBroker node;

    @BeforeAll
    static void startNode() {
        tls = TlsMaterial.create();
        node = PrivateBroker.builder("secure").tls(tls).start();
        node.ctl("add_user", "app", PASSWORD);
        node.ctl("set_permissions", "-p", "/", "app", ".*", ".*", ".*");
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    private static String tlsUri() {
        return "amqps://app:" + PASSWORD + "@localhost:" + node.tlsPort() + "/%2F";
    }

    @Test
    void tasksRunOverTlsWithTheBrokersCertificateChecked() {
        try (Cluster cluster = new Cluster("tls")) {
            ChildProcess worker = cluster.start("tls-worker", tlsUri(), 1, "--tls-ca", tls.caCertificate().toString());
            BrokerSettings settings = BrokerSettings.defaults().withUri(tlsUri()).withNamespace("tls")
                    .withTlsCaFile(tls.caCertificate());
            try (Multiprocessing mp = Multiprocessing.builder().settings(settings).output(OutputSink.discard()).connect()) {
                assertEquals(49L, ((Number) mp.pool().apply("square", 7)).longValue());
            }
            String log = String.join("\n", worker.stderr());
            System.out.println("[tls] a task ran over amqps:// with the CA checked; worker log: " + worker.stderr().get(0));
            assertFalse(log.contains(PASSWORD), "the password is not in the worker's log");
            assertTrue(log.contains("amqps://app:***@localhost:" + node.tlsPort()), log);
        }
    }

    @Test
    void aBrokerCertificateNobodyTrustsIsRefused() {
        BrokerSettings untrusted = BrokerSettings.defaults().withUri(tlsUri()).withNamespace("tls")
                .withConnectTimeout(Duration.ofSeconds(3));
        BrokerUnavailableException e = assertThrows(BrokerUnavailableException.class,
                () -> Multiprocessing.builder().settings(untrusted).output(OutputSink.discard()).connect());
        System.out.println("[tls] without the CA: " + e.getMessage());
        assertTrue(e.getMessage().startsWith("TLS to amqps://app:***@localhost:"), e.getMessage());
        assertFalse(e.getMessage().contains(PASSWORD));
    }

    @Test
    void aWrongPasswordIsReportedWithoutThePassword() {
        String wrong = "amqp://app:not-" + PASSWORD + "@127.0.0.1:" + node.port() + "/%2F";
        try (Cluster cluster = new Cluster("creds")) {
            ChildProcess worker = cluster.launch("bad-creds", wrong, 1, "--connect-timeout", "5");
            Integer exit = worker.awaitExit(Duration.ofSeconds(30));
            List<String> err = worker.stderr();
            System.out.println("[credentials] worker with a wrong password: exit " + exit + ", " + String.join(" ", err));
            assertEquals(3, exit);
            assertTrue(String.join("\n", err).contains("refused the credentials"), String.join("\n", err));
            assertFalse(String.join("\n", err).contains(PASSWORD), "no password in the error");
        }
    }
}
