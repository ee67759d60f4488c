/**
 * The worker runtime. Exported: Worker and WorkerConfig (to embed a worker) and the built-in
 * tasks; the engine itself is not. Tasks come from TaskProviders on the class or module path.
 */
module org.multiprocessing4j.worker {
    requires transitive org.multiprocessing4j.common;
    requires com.rabbitmq.client;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires info.picocli;
    requires java.management;
    requires jdk.httpserver;
    requires micrometer.core;
    requires micrometer.registry.prometheus;

    exports org.multiprocessing4j.worker;
    exports org.multiprocessing4j.worker.seed;

    // picocli sets the options of WorkerMain reflectively.
    opens org.multiprocessing4j.worker to info.picocli;
    // The seed's Process class is built from its fields by Jackson.
    opens org.multiprocessing4j.worker.seed to com.fasterxml.jackson.databind;

    uses org.multiprocessing4j.task.TaskProvider;
    provides org.multiprocessing4j.task.TaskProvider with org.multiprocessing4j.worker.seed.SeedTasks,
            org.multiprocessing4j.worker.seed.DocsSyncTasks,
            org.multiprocessing4j.worker.seed.DocsQueueAndPipeTasks;
}
