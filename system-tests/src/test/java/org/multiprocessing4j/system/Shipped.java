package org.multiprocessing4j.system;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shipped artifacts of this checkout are: the runnable jars and the scripts. */
final class Shipped {
    static final Path ROOT = Path.of(System.getProperty("mp4j.root", "..")).toAbsolutePath().normalize();
    static final Path WORKER_JAR = ROOT.resolve("worker/target/mp4j-worker.jar");
    static final Path PRODUCER_JAR = ROOT.resolve("producer-cli/target/mp4j-producer.jar");

    private Shipped() {
    }

    static Path script(String name) {
        Path script = ROOT.resolve("scripts").resolve(name);
        if (!Files.isExecutable(script)) {
            throw new IllegalStateException(script + " is missing or not executable");
        }
        return script;
    }
}
