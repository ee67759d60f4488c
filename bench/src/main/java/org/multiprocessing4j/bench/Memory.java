package org.multiprocessing4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of a process, from /proc (Linux). */
final class Memory {
    private Memory() {
    }

    /** Current resident set size in MiB, or -1. */
    static double rssMb(long pid) {
        return field(pid, "VmRSS:");
    }

    /** Peak resident set size in MiB, or -1. */
    static double peakRssMb(long pid) {
        return field(pid, "VmHWM:");
    }

    private static double field(long pid, String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
