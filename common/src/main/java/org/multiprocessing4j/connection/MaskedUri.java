package org.multiprocessing4j.connection;

import java.util.regex.Pattern;

/** Hides the password of a broker URI so that it can be logged or shown in an error. */
public final class MaskedUri {
    // scheme://user:password@host  ->  scheme://user:***@host ; works on URIs that do not parse.
    private static final Pattern USER_INFO = Pattern.compile("(?<=://)([^:/@]*):[^@/]*@");

    private MaskedUri() {
    }

    public static String mask(String uri) {
        if (uri == null) {
            return null;
        }
        return USER_INFO.matcher(uri).replaceFirst("$1:***@");
    }
}
