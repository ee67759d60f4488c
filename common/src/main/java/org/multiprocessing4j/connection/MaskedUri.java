package org.multiprocessing4j.connection;

/** Hides the password of a broker URI so that it can be logged or shown in an error. */
public final class MaskedUri {
    private MaskedUri() {
    }

    /**
     * {@code scheme://user:password@host/...} becomes {@code scheme://user:***@host/...}. Works on
     * text that does not parse as a URI too, and on passwords that (wrongly) contain '@'.
     */
    public static String mask(String uri) {
        if (uri == null) {
            return null;
        }
        int start = uri.indexOf("://");
        if (start < 0) {
            return uri;
        }
        start += 3;
        int end = uri.indexOf('/', start);
        String authority = end < 0 ? uri.substring(start) : uri.substring(start, end);
        int at = authority.lastIndexOf('@');
        if (at < 0) {
            return uri;
        }
        String userInfo = authority.substring(0, at);
        int colon = userInfo.indexOf(':');
        String maskedUserInfo = colon < 0 ? userInfo : userInfo.substring(0, colon) + ":***";
        return uri.substring(0, start) + maskedUserInfo + authority.substring(at) + (end < 0 ? "" : uri.substring(end));
    }
}
