package org.multiprocessing4j.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.multiprocessing4j.testkit.ChildProcess;

/**
 * The Python side of the peers: the interpreter (Debian's, where python3-celery installs), and
 * the bench's scripts copied out of the jar into a directory of their own.
 */
final class Python {
    private static final List<String> SCRIPTS = List.of("mp4j_bench_client.py", "mp4j_bench_celery.py",
            "mp4j_bench_pool.py");
    private final String interpreter;
    private Path scripts;

    Python(String interpreter) {
        this.interpreter = interpreter;
    }

    String interpreter() {
        return interpreter;
    }

    /** The version of {@code module} this interpreter imports, or null with the reason in {@code why[0]}. */
    String version(String module, String[] why) {
        try {
            ChildProcess.Finished finished = ChildProcess.run(List.of(interpreter, "-c",
                    "import " + module + "; print(" + module + ".__version__)"), Map.of(), Duration.ofSeconds(60));
            if (finished.exit() == 0 && !finished.output().isEmpty()) {
                return finished.output().get(0).trim();
            }
            List<String> lines = finished.output();
            why[0] = lines.isEmpty() ? "exit " + finished.exit() : lines.get(lines.size() - 1).trim();
        } catch (IllegalStateException e) {
            why[0] = e.getMessage();
        }
        return null;
    }

    /** Environment for a script: the scripts' directory on PYTHONPATH, plus {@code extra}. */
    Map<String, String> env(Map<String, String> extra) {
        Map<String, String> env = new java.util.HashMap<>(extra);
        env.put("PYTHONPATH", scripts().toString());
        env.put("PYTHONUNBUFFERED", "1");
        env.put("PYTHONDONTWRITEBYTECODE", "1"); // nothing left in the scripts directory
        return env;
    }

    /** {@code python -m module args...} or {@code python script} with the bench's scripts importable. */
    List<String> command(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(interpreter));
        for (String arg : args) {
            command.add(arg.endsWith(".py") ? scripts().resolve(arg).toString() : arg);
        }
        return command;
    }

    private synchronized Path scripts() {
        if (scripts == null) {
            try {
                scripts = Files.createTempDirectory("mp4j-bench-python");
                scripts.toFile().deleteOnExit();
                for (String name : SCRIPTS) {
                    try (InputStream in = Python.class.getResourceAsStream("/python/" + name)) {
                        if (in == null) {
                            throw new IllegalStateException("python/" + name + " is missing from the bench jar");
                        }
                        Path file = scripts.resolve(name);
                        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                        file.toFile().deleteOnExit();
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("could not write the Python scripts: " + e.getMessage(), e);
            }
        }
        return scripts;
    }
}
