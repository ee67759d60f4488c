package org.multiprocessing4j.connection;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A broker URI taken apart: scheme, user info, the list of nodes, and the rest (virtual host and
 * options). Every error names the URI masked.
 *
 * <p>Several nodes are written in the authority, as MongoDB and PostgreSQL's JDBC driver users
 * know it: {@code amqp://user:pass@rabbit1:5672,rabbit2:5672,rabbit3/%2F}. A RabbitMQ cluster
 * shares one set of users and virtual hosts, so one URI states them once and lists where the
 * nodes are; a node without a port uses the scheme's (5672, or 5671 for amqps). A comma-separated
 * list of full URIs is accepted too when they agree on everything but the nodes (scheme,
 * credentials, virtual host and options), and refused with a message saying what differs
 * otherwise: one connection cannot use two sets of credentials.
 *
 * @param userInfo     {@code user:password} as written (percent-encoded), or null; secret
 * @param pathAndQuery {@code /vhost?options} as written, possibly empty
 */
record BrokerUri(String scheme, String userInfo, List<BrokerNode> nodes, String pathAndQuery) {
    private static final Pattern NEXT_URI = Pattern.compile("(?i),\\s*(?=amqps?://)");
    /** RFC 3986 user info: unreserved, sub-delims, ':' and percent-escapes; anything else must be encoded. */
    private static final Pattern USER_INFO = Pattern.compile("([A-Za-z0-9._~!$&'()*+,;=-]|%[0-9A-Fa-f]{2})*"
            + "(:([A-Za-z0-9._~!$&'()*+,;=-]|%[0-9A-Fa-f]{2})*)?");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9._~-]+)?");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

    static BrokerUri parse(String text) {
        String[] uris = NEXT_URI.split(text, -1);
        BrokerUri first = parseOne(uris[0], text);
        if (uris.length == 1) {
            return first;
        }
        Set<BrokerNode> nodes = new LinkedHashSet<>(first.nodes);
        for (int i = 1; i < uris.length; i++) {
            BrokerUri next = parseOne(uris[i], text);
            String differs = !first.scheme.equalsIgnoreCase(next.scheme) ? "scheme"
                    : !java.util.Objects.equals(first.userInfo, next.userInfo) ? "user or password"
                    : !first.pathAndQuery.equals(next.pathAndQuery) ? "virtual host or options" : null;
            if (differs != null) {
                throw new IllegalArgumentException("the broker URIs of the list differ in their " + differs
                        + "; the nodes of a cluster share them: write one URI with several hosts, such as "
                        + "amqp://user:password@host1:5672,host2:5672/%2F (got: " + MaskedUri.mask(text) + ")");
            }
            nodes.addAll(next.nodes);
        }
        return new BrokerUri(first.scheme, first.userInfo, List.copyOf(nodes), first.pathAndQuery);
    }

    /** The URI of one node, credentials included, for code that takes one address. Never print it. */
    String singleNodeUri(BrokerNode node) {
        String host = node.host().indexOf(':') >= 0 ? "[" + node.host() + "]" : node.host();
        return scheme + "://" + (userInfo == null ? "" : userInfo + "@") + host + ":" + node.port() + pathAndQuery;
    }

    boolean tls() {
        return scheme.equalsIgnoreCase("amqps");
    }

    @Override
    public String toString() {
        return MaskedUri.mask(singleNodeUri(nodes.get(0))) + " (" + nodes.size() + " nodes)";
    }

    private static BrokerUri parseOne(String uri, String whole) {
        String masked = MaskedUri.mask(whole);
        int schemeEnd = uri.indexOf("://");
        String scheme = schemeEnd < 0 ? "" : uri.substring(0, schemeEnd);
        if (!scheme.equalsIgnoreCase("amqp") && !scheme.equalsIgnoreCase("amqps")) {
            throw new IllegalArgumentException("broker URI must start with amqp:// or amqps://, got: " + masked);
        }
        String rest = uri.substring(schemeEnd + 3);
        // The last '@' ends the user info, so that a password with '/' or '@' is recognised as one (and refused).
        int at = rest.lastIndexOf('@');
        String userInfo = at < 0 ? null : rest.substring(0, at);
        if (userInfo != null && !USER_INFO.matcher(userInfo).matches()) {
            throw new IllegalArgumentException("the user name or password in the broker URI has a character a URI"
                    + " does not allow there; percent-encode it ('/' as %2F, '@' as %40, ':' as %3A, '?' as %3F,"
                    + " '#' as %23, '%' as %25, space as %20): " + masked);
        }
        String afterUser = rest.substring(at + 1);
        int authorityEnd = firstOf(afterUser, "/?#");
        String authority = afterUser.substring(0, authorityEnd);
        String pathAndQuery = afterUser.substring(authorityEnd);
        List<BrokerNode> nodes = nodes(authority, scheme, masked);
        BrokerUri parsed = new BrokerUri(scheme, userInfo, nodes, pathAndQuery);
        checkRest(parsed, masked);
        return parsed;
    }

    private static List<BrokerNode> nodes(String authority, String scheme, String masked) {
        if (authority.isEmpty()) {
            throw new IllegalArgumentException("broker URI has no host: " + masked);
        }
        int defaultPort = scheme.equalsIgnoreCase("amqps") ? 5671 : 5672;
        List<BrokerNode> nodes = new ArrayList<>();
        for (String hostPort : authority.split(",", -1)) {
            nodes.add(node(hostPort.trim(), defaultPort, masked));
        }
        return nodes;
    }

    private static BrokerNode node(String hostPort, int defaultPort, String masked) {
        if (hostPort.isEmpty()) {
            throw new IllegalArgumentException("broker URI has an empty host in its list of nodes: " + masked);
        }
        String host;
        String port = null;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            host = close < 0 ? "" : hostPort.substring(1, close);
            String after = close < 0 ? "" : hostPort.substring(close + 1);
            if (close < 0 || !IPV6.matcher(host).matches() || !(after.isEmpty() || after.startsWith(":"))) {
                throw new IllegalArgumentException("broker URI has an invalid host '" + hostPort + "': " + masked);
            }
            port = after.isEmpty() ? null : after.substring(1);
        } else {
            int colon = hostPort.indexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            port = colon < 0 ? null : hostPort.substring(colon + 1);
            if (!HOST.matcher(host).matches()) {
                throw new IllegalArgumentException("broker URI has an invalid host '" + hostPort
                        + "' (an IPv6 address goes in brackets: [::1]:5672): " + masked);
            }
        }
        if (port == null) {
            return new BrokerNode(host, defaultPort);
        }
        if (!PORT.matcher(port).matches() || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw new IllegalArgumentException("broker URI has an invalid port '" + port + "' for host " + host
                    + " (1-65535): " + masked);
        }
        return new BrokerNode(host, Integer.parseInt(port));
    }

    /** What amqp-client would refuse later, with a message that might quote the URI, refused now and masked. */
    private static void checkRest(BrokerUri parsed, String masked) {
        String path = parsed.pathAndQuery.substring(0, firstOf(parsed.pathAndQuery, "?#"));
        if (path.length() > 1 && path.indexOf('/', 1) >= 0) {
            throw new IllegalArgumentException("the virtual host in the broker URI must be one path segment (write"
                    + " a '/' in its name as %2F): " + masked);
        }
        try {
            new URI(parsed.singleNodeUri(parsed.nodes.get(0)));
        } catch (URISyntaxException e) {
            // getReason() does not quote the input; getMessage() would, password included.
            throw new IllegalArgumentException("not a valid broker URI (" + e.getReason() + "): " + masked);
        }
    }

    private static int firstOf(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }
}
