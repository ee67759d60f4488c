package org.multiprocessing4j.connection;

import java.util.regex.Pattern;

/** Hides the password of a broker URI so that it can be logged or shown in an error. */
public final class MaskedUri {
    /** Where a list of full URIs ({@code amqp://...,amqp://...}) starts its next URI. */
    private static final Pattern NEXT_URI = Pattern.compile(",(?=\\s*[A-Za-z][A-Za-z0-9+.-]*://)");

    private MaskedUri() {
    }

    /**
     * {@code scheme://user:password@host/...} becomes {@code scheme://user:***@host/...}, for each
     * URI of a comma-separated list. Works on text that does not parse as a URI too: the password
     * is everything between the first ':' of the user info and the <em>last</em> '@', so a password
     * that (wrongly) contains '/', '@', ':' or '?' is hidden whole. A vhost that contains '@' makes it
     * hide more than the password, never less.
     */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String[] uris = NEXT_URI.split(text, -1);
        StringBuilder masked = new StringBuilder();
        for (int i = 0; i < uris.length; i++) {
            masked.append(i == 0 ? "" : ",").append(maskOne(uris[i]));
        }
        return masked.toString();
    }

    private static String maskOne(String uri) {
        int schemeEnd = uri.indexOf("://");
        // Without "://" (a mistyped scheme) the user info may start the text: mask it all the same.
        int start = schemeEnd < 0 ? 0 : schemeEnd + 3;
        int at = uri.lastIndexOf('@');
        if (at < start) {
            return uri;
        }
        String userInfo = uri.substring(start, at);
        int colon = userInfo.indexOf(':');
        if (colon < 0) {
            return uri; // a user name alone: nothing secret
        }
        return uri.substring(0, start) + userInfo.substring(0, colon) + ":***" + uri.substring(at);
    }
}
