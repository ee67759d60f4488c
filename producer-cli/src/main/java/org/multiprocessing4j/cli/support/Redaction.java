package org.multiprocessing4j.cli.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last guard before a message reaches the terminal: the broker URI in effect never appears with
 * its password, however malformed it is. The library masks the URIs it shows; this covers what its
 * masking does not recognise (a URI without "://", a password with '/' or '@'): the URI itself is shown
 * with everything between its scheme and its last '@' hidden, and the password, or a tail of it, is
 * hidden wherever it stands before an '@'.
 */
final class Redaction {
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://");
    /** Shorter tails are not searched for: hiding every "ab@" would garble the message. */
    private static final int MIN_PASSWORD_TO_HIDE = 4;

    private Redaction() {
    }

    static String redact(String message, String uri) {
        if (message == null || uri == null || uri.indexOf('@') < 0) {
            return message;
        }
        return hideTails(message.replace(uri, conservativeMask(uri)), password(uri));
    }

    /**
     * Where the password, or a tail of it at least {@value #MIN_PASSWORD_TO_HIDE} characters long, stands
     * before an '@' (a URI that a parser split inside the password, at a '/' or '@' in it, shows only
     * its tail), it is hidden. Only before an '@': a user name equal to the password stays readable.
     */
    private static String hideTails(String message, String password) {
        String redacted = message;
        for (int start = 0; password.length() - start >= MIN_PASSWORD_TO_HIDE; start++) {
            redacted = redacted.replace(password.substring(start) + "@", "***@");
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
