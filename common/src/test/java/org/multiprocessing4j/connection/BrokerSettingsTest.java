package org.multiprocessing4j.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
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
    }

    @Test
    void maskingWorksEvenOnUrisThatDoNotParse() {
        assertEquals("amqp://u:***@h:5672/%zz", MaskedUri.mask("amqp://u:p@ss@h:5672/%zz"));
        assertEquals("amqp://localhost", MaskedUri.mask("amqp://localhost"));
    }
}
