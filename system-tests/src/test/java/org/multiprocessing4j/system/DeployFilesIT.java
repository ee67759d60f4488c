package org.multiprocessing4j.system;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.multiprocessing4j.testkit.ChildProcess;
import org.multiprocessing4j.testkit.ChildProcess.Finished;

/**
 * The deployment files, checked without a Docker engine (none runs here): scripts/check-deploy
 * passes on docker-compose.yml and the Dockerfile, and refuses the compose file as it was before
 * issue 16 for each of its mistakes; the images' entrypoint builds AMQP_URI from the password file.
 */
class DeployFilesIT {
    private static final Duration CHECK_TIMEOUT = Duration.ofMinutes(5); // may install docker-compose first
    private static final Path BEFORE = Shipped.ROOT.resolve(
            "system-tests/src/test/resources/deploy/docker-compose.before-issue-16.yml");

    @Test
    void theComposeFileKeepsTheBrokerPrivateWithoutAFixedPasswordAndIgnoresTheHostsAmqpUri() {
        // The host's AMQP_URI is set on purpose: the check must pass whatever the caller exported.
        Finished check = ChildProcess.run(List.of(Shipped.script("check-deploy").toString()),
                Map.of("AMQP_URI", "amqp://x:y@localhost:5672/%2F"), CHECK_TIMEOUT);
        assertEquals(0, check.exit(), check.text());
        assertTrue(check.text().contains("broker ports on 127.0.0.1 unless MP4J_BROKER_BIND, no fixed password, "
                + "containers' AMQP_URI independent of the host's"), check.text());
    }

    @Test
    void checkDeployRefusesThePublicBrokerTheFixedPasswordAndTheHostsAmqpUriOfTheOldComposeFile() {
        Finished check = ChildProcess.run(List.of(Shipped.script("check-deploy").toString(), "--compose-file",
                BEFORE.toString()), Map.of(), CHECK_TIMEOUT);
        String text = check.text();
        assertAll(
                () -> assertEquals(1, check.exit(), text),
                () -> assertTrue(text.contains("the broker's ports must be published on 127.0.0.1 by default: 0 of 2 are"), text),
                () -> assertTrue(text.contains("the broker's password is fixed in the compose file"), text),
                () -> assertTrue(text.contains("a broker URI with a password is written in the compose file: amqp://mp4j:***@"), text),
                () -> assertTrue(text.contains("an AMQP_URI exported on the host changes the containers' settings: "
                        + "AMQP_URI: amqp://x:***@localhost:5672/%2F"), text),
                () -> assertFalse(text.contains("mp4j:mp4j") || text.contains("x:y@"), "no password shown: " + text));
    }

    @Test
    void theImagesEntrypointPutsThePasswordFromItsFileIntoAmqpUri(@TempDir Path dir) throws Exception {
        Path password = Files.writeString(dir.resolve("broker-password"), "s3cret-_Pass.word~\n");
        Finished uri = entrypoint(Map.of("AMQP_URI", "amqp://mp4j@rabbitmq:5672/%2F",
                "MP4J_BROKER_PASSWORD_FILE", password.toString()));
        assertEquals(new Finished(0, List.of("amqp://mp4j:s3cret-_Pass.word~@rabbitmq:5672/%2F")), uri);

        Finished asGiven = entrypoint(Map.of("AMQP_URI", "amqps://app:pw@broker:5671/prod"));
        assertEquals(new Finished(0, List.of("amqps://app:pw@broker:5671/prod")), asGiven);
    }

    @Test
    void theImagesEntrypointRefusesAUriWithAPasswordAlreadyOrAPasswordThatNeedsEscaping(@TempDir Path dir)
            throws Exception {
        Path good = Files.writeString(dir.resolve("good"), "abc123");
        Path bad = Files.writeString(dir.resolve("bad"), "has/slash@and:colon");
        Finished twoPasswords = entrypoint(Map.of("AMQP_URI", "amqp://mp4j:old@rabbitmq/%2F",
                "MP4J_BROKER_PASSWORD_FILE", good.toString()));
        Finished noUser = entrypoint(Map.of("AMQP_URI", "amqp://rabbitmq:5672/%2F",
                "MP4J_BROKER_PASSWORD_FILE", good.toString()));
        Finished escaping = entrypoint(Map.of("AMQP_URI", "amqp://mp4j@rabbitmq/%2F",
                "MP4J_BROKER_PASSWORD_FILE", bad.toString()));
        Finished missing = entrypoint(Map.of("AMQP_URI", "amqp://mp4j@rabbitmq/%2F",
                "MP4J_BROKER_PASSWORD_FILE", dir.resolve("none").toString()));
        assertAll(
                () -> assertEquals(new Finished(2, List.of("mp4j: MP4J_BROKER_PASSWORD_FILE needs AMQP_URI with a user "
                        + "and no password, like amqp://mp4j@rabbitmq:5672/%2F")), twoPasswords),
                () -> assertEquals(2, noUser.exit(), noUser.text()),
                () -> assertEquals(new Finished(2, List.of("mp4j: the password in " + bad + " must be letters, digits, "
                        + "'-', '_', '.' or '~' (it goes into AMQP_URI as is)")), escaping),
                () -> assertEquals(new Finished(2, List.of("mp4j: cannot read MP4J_BROKER_PASSWORD_FILE "
                        + dir.resolve("none"))), missing));
    }

    /** scripts/container-entrypoint with plain sh, as the images' busybox runs it, printing the AMQP_URI it hands on. */
    private static Finished entrypoint(Map<String, String> env) {
        return ChildProcess.run(List.of("sh", Shipped.script("container-entrypoint").toString(), "printenv", "AMQP_URI"),
                env, Duration.ofSeconds(30));
    }
}
