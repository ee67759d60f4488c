package org.multiprocessing4j.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret that actions (terminate, kill, replay) need: given with --token or
 * MP4J_DASHBOARD_TOKEN, else generated at start and printed once. Viewing needs none.
 */
final class AccessToken {
    /** Shorter tokens are refused: they can be guessed. */
    static final int MIN_LENGTH = 16;
    private static final String BEARER = "Bearer ";

    enum Check { OK, MISSING, WRONG }

    private final byte[] secret;
    private final boolean generated;

    private AccessToken(String token, boolean generated) {
        this.secret = token.getBytes(StandardCharsets.UTF_8);
        this.generated = generated;
    }

    /** The given token (flag first, then the environment), or a new random one. */
    static AccessToken of(String flag, String env) {
        String given = flag != null ? flag : env == null || env.isEmpty() ? null : env;
        if (given == null) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            return new AccessToken(Base64.getUrlEncoder().withoutPadding().encodeToString(random), true);
        }
        if (given.strip().length() < MIN_LENGTH || !given.equals(given.strip())) {
            throw new IllegalArgumentException("the token must be at least " + MIN_LENGTH
                    + " characters without surrounding spaces, got " + given.strip().length());
        }
        return new AccessToken(given, false);
    }

    boolean generated() {
        return generated;
    }

    String value() {
        return new String(secret, StandardCharsets.UTF_8);
    }

    /** Checks an {@code Authorization: Bearer TOKEN} header, in constant time. */
    Check check(String authorization) {
        if (authorization == null || !authorization.startsWith(BEARER) || authorization.length() == BEARER.length()) {
            return Check.MISSING;
        }
        byte[] given = authorization.substring(BEARER.length()).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(secret, given) ? Check.OK : Check.WRONG;
    }
}
