package org.multiprocessing4j.cli.support;

/** What the broker refuses in a namespace, said before connecting rather than as a broker error. */
final class Namespaces {
    private Namespaces() {
    }

    /**
     * Every queue and exchange is named {@code <namespace>.<...>}, and RabbitMQ reserves names
     * starting with {@code amq.} (a declaration is refused with 403 ACCESS_REFUSED).
     */
    static String check(String source, String namespace) {
        if (namespace.equals("amq") || namespace.startsWith("amq.")) {
            throw new IllegalArgumentException(source + " '" + namespace + "' cannot be used: every queue is named "
                    + "<namespace>.<name>, and RabbitMQ reserves names starting with 'amq.'; choose another namespace");
        }
        return namespace;
    }
}
