/**
 * What worker and producer share: the task SPI and typed declarations, errors, broker settings,
 * the distributed Queue, JSON values. Only those packages are exported; the wire, AMQP plumbing and
 * shared-object machinery are exported to the worker and producer modules alone.
 */
module org.multiprocessing4j.common {
    requires com.rabbitmq.client;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports org.multiprocessing4j.builtin;
    exports org.multiprocessing4j.connection;
    exports org.multiprocessing4j.errors;
    exports org.multiprocessing4j.json;
    exports org.multiprocessing4j.pipe;
    exports org.multiprocessing4j.queue;
    exports org.multiprocessing4j.sync;
    exports org.multiprocessing4j.task;

    exports org.multiprocessing4j.internal.events to org.multiprocessing4j.producer, org.multiprocessing4j.worker;
    exports org.multiprocessing4j.internal.amqp to org.multiprocessing4j.producer, org.multiprocessing4j.worker;
    exports org.multiprocessing4j.internal.joinable to org.multiprocessing4j.producer, org.multiprocessing4j.worker;
    exports org.multiprocessing4j.internal.pipe to org.multiprocessing4j.producer, org.multiprocessing4j.worker;
    exports org.multiprocessing4j.internal.simplequeue to org.multiprocessing4j.producer, org.multiprocessing4j.worker;
    exports org.multiprocessing4j.internal.kinds to org.multiprocessing4j.producer, org.multiprocessing4j.worker;
    exports org.multiprocessing4j.internal.queue to org.multiprocessing4j.producer, org.multiprocessing4j.worker;
    exports org.multiprocessing4j.internal.sync to org.multiprocessing4j.producer, org.multiprocessing4j.worker;
    exports org.multiprocessing4j.internal.shared to org.multiprocessing4j.producer, org.multiprocessing4j.worker;
    exports org.multiprocessing4j.internal.wire to org.multiprocessing4j.producer, org.multiprocessing4j.worker;

    // Jackson reads and writes the wire records reflectively.
    opens org.multiprocessing4j.internal.wire to com.fasterxml.jackson.databind;
}
