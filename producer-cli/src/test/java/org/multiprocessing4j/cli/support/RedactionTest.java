package org.multiprocessing4j.cli.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** Whatever the library's masking recognises or not, the CLI never shows the password of the URI in effect. */
class RedactionTest {

    @Test
    void aUriWithoutSchemeSeparatorIsHiddenUpToItsLastAt() {
        String uri = "amqp//guest:pwTfHEUN9EfF@localhost";
        String shown = Redaction.redact("broker URI must start with amqp:// or amqps://, got: " + uri, uri);
        assertEquals("broker URI must start with amqp:// or amqps://, got: ***@localhost", shown);
    }

    @Test
    void passwordsWithSlashOrAtAreHiddenWhereverTheyAppear() {
        String uri = "amqp://guest:Secr/etTail99@127.0.0.1:5672/%2F";
        String shown = Redaction.redact("broker URI has no host: amqp://guest:Secr/etTail99@127.0.0.1:5672/%2F", uri);
        assertEquals("broker URI has no host: amqp://***@127.0.0.1:5672/%2F", shown);
        shown = Redaction.redact("broker URI has no host: amqp://guest:***/etTail99@127.0.0.1:5672/%2F", uri);
        assertFalse(shown.contains("etTail99"), "a tail of the password: " + shown);
        uri = "amqp://guest:p@ss/word99@127.0.0.1:5672/%2F";
        shown = Redaction.redact("Multiple segments in path of AMQP URI: /word99@127.0.0.1:5672/%2F", uri);
        assertFalse(shown.contains("word99"), "a tail of the password: " + shown);
        shown = Redaction.redact("cannot reach the broker at " + uri, uri);
        assertEquals("cannot reach the broker at amqp://***@127.0.0.1:5672/%2F", shown);
    }

    @Test
    void theLibrarysOwnMaskIsKeptWhereItHidesThePassword() {
        String uri = "amqp://guest:secret@127.0.0.1:1/%2F";
        assertEquals("cannot reach the broker at amqp://guest:***@127.0.0.1:1/%2F",
                Redaction.redact("cannot reach the broker at amqp://guest:***@127.0.0.1:1/%2F", uri));
        uri = "amqp://guest:guest@localhost:5672/%2F";
        assertEquals("no task named 'guest' on amqp://guest:***@localhost:5672/%2F",
                Redaction.redact("no task named 'guest' on amqp://guest:***@localhost:5672/%2F", uri));
    }

    @Test
    void aMessageWithoutTheUriIsLeftAlone() {
        assertEquals("queue 'qz' is full", Redaction.redact("queue 'qz' is full", "amqp://u:abc@host/%2F"));
        assertEquals("no password here", Redaction.redact("no password here", "amqp://localhost/%2F"));
    }
}
