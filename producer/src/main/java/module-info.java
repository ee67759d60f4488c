/**
 * The client library: Multiprocessing, Pool, RemoteProcess, DetachedProcess, AsyncResult and the
 * common API it builds on. Its internals (org.multiprocessing4j.internal.client) are not exported.
 */
module org.multiprocessing4j.producer {
    requires transitive org.multiprocessing4j.common;
    requires com.rabbitmq.client;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports org.multiprocessing4j;
}
