package org.multiprocessing4j.cli.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.multiprocessing4j.connection.MaskedUri;

/**
 * The last guard before a message reaches the terminal: the broker URI in effect never appears with
 * its password, however malformed it is. The library masks the URIs it shows; this covers what its
 * masking does not recognise (a URI without "://", a password with '/' or '@'), by hiding everything
 * between the scheme and the last '@', and the password itself wherever it appears.
 */
final class Redaction {
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://");
    /** Shorter passwords are not searched for in the text: hiding every "ab" would garble the message. */
    private static final int MIN_PASSWORD_TO_HIDE = 4;

    private Redaction() {
    }

    static String redact(String message, String uri) {
        if (message == null || uri == null || uri.indexOf('@') < 0) {
            return message;
        }
        String safe = conservativeMask(uri);
        String redacted = message.replace(uri, safe);
        String libraryMasked = MaskedUri.mask(uri);
        if (!libraryMasked.isEmpty()) {
            redacted = redacted.replace(libraryMasked, safe);
        }
        String password = password(uri);
        if (password.length() >= MIN_PASSWORD_TO_HIDE) {
            redacted = redacted.replace(password, "***");
        }
        return redacted;
    }

    /** {@code amqp://***@host:5672/%2F}: scheme kept, everything up to the last '@' hidden. */
    static String conservativeMask(String uri) {
        int at = uri.lastIndexOf('@');
        if (at < 0) {
            return uri;
        }
        Matcher scheme = SCHEME.matcher(uri);
        String prefix = scheme.find() ? scheme.group() : "";
        return prefix + "***" + uri.substring(at);
    }

    /** What stands between the first ':' of the user part and the last '@'; empty if none. */
    private static String password(String uri) {
        Matcher scheme = SCHEME.matcher(uri);
        int start = scheme.find() ? scheme.end() : 0;
        int at = uri.lastIndexOf('@');
        int colon = uri.indexOf(':', start);
        return colon >= 0 && colon < at ? uri.substring(colon + 1, at) : "";
    }
}
