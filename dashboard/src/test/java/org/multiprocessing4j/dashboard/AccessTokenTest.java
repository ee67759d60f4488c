package org.multiprocessing4j.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AccessTokenTest {
    @Test
    void aGivenTokenIsCheckedAsABearerHeader() {
        AccessToken token = AccessToken.of("0123456789abcdef", null);
        assertFalse(token.generated());
        assertEquals(AccessToken.Check.OK, token.check("Bearer 0123456789abcdef"));
        assertEquals(AccessToken.Check.WRONG, token.check("Bearer 0123456789abcdeg"));
        assertEquals(AccessToken.Check.MISSING, token.check(null));
        assertEquals(AccessToken.Check.MISSING, token.check("Bearer "));
        assertEquals(AccessToken.Check.MISSING, token.check("Basic 0123456789abcdef"));
    }

    @Test
    void theFlagWinsOverTheEnvironmentAndAnAbsentOneIsGenerated() {
        assertEquals("flag-token-0123456789", AccessToken.of("flag-token-0123456789", "env-token-0123456789").value());
        assertEquals("env-token-0123456789", AccessToken.of(null, "env-token-0123456789").value());
        AccessToken generated = AccessToken.of(null, "");
        assertTrue(generated.generated());
        assertTrue(generated.value().length() >= 32);
        assertNotEquals(generated.value(), AccessToken.of(null, null).value());
        assertThrows(IllegalArgumentException.class, () -> AccessToken.of("short", null));
        assertThrows(IllegalArgumentException.class, () -> AccessToken.of(" 0123456789abcdef ", null));
    }

    @Test
    void theHostNameIsReadWithoutItsPort() {
        assertEquals("127.0.0.1", DashboardServer.hostName("127.0.0.1:8080"));
        assertEquals("localhost", DashboardServer.hostName("localhost"));
        assertEquals("[::1]", DashboardServer.hostName("[::1]:8080"));
        assertEquals("evil.example", DashboardServer.hostName("evil.example:80"));
    }
}
