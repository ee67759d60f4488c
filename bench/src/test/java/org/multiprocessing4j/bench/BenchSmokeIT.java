package org.multiprocessing4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.multiprocessing4j.testkit.BrokerLocator;
import org.multiprocessing4j.testkit.ChildProcess;

/**
 * scripts/bench end to end, as a person runs it, on its fastest rows: the report has its header,
 * tables of one shape, and the targets table with a verdict per row. No figure is asserted: the
 * figures belong to scripts/bench on a quiet machine, not to a test.
 */
@Timeout(value = 9, unit = TimeUnit.MINUTES) // JVM start-ups on a busy machine; the default is 3 min
class BenchSmokeIT {
    private static final Path ROOT = Path.of(System.getProperty("mp4j.root", "..")).toAbsolutePath().normalize();

    @Test
    void aQuickRunOfLatencyAndPool3PrintsTheMachineTheTablesAndEveryTargetWithAVerdict(@TempDir Path out)
            throws Exception {
        ChildProcess bench = ChildProcess.launch("bench", List.of(ROOT.resolve("scripts/bench").toString(), "--quick",
                "--only", "latency,pool3", "--rounds", "1", "--sequential", "50", "--out", out.toString()),
                Map.of("AMQP_URI", BrokerLocator.uri()));
        Integer exit = bench.awaitExit(Duration.ofMinutes(8));
        assertEquals(0, exit, bench.describe());
        List<String> report = bench.stdout();

        assertTrue(report.contains("# multiprocessing4j benchmark"), bench.describe());
        for (String header : List.of("- date: ", "- machine: ", "- phases: latency, pool3 (--quick)")) {
            assertTrue(report.stream().anyMatch(line -> line.startsWith(header)), "header line " + header);
        }
        assertTrue(report.stream().anyMatch(line -> line.matches("- machine: \\d+ cores, .*load average at start .*")),
                "cores, CPU and load: " + report);
        assertTablesAreWellFormed(report);

        List<String> targets = rowsOf(report, Report.TARGETS_HEADING);
        assertEquals(3, targets.size(), "p50, p99 and Pool(3) targets: " + targets);
        for (String row : targets) {
            String[] cells = cells(row);
            assertTrue(List.of("met", "missed").contains(cells[cells.length - 1]), "a verdict: " + row);
            assertTrue(cells[3].matches("\\d+\\.\\d+"), "a figure: " + row);
        }
        assertTrue(targets.stream().anyMatch(row -> row.contains("sequential call, p50 (ms)") && row.contains("≤ 1.25")));
        assertTrue(targets.stream().anyMatch(row -> row.contains("Pool(3)") && row.contains("6.0 ± 0.2")));

        try (Stream<Path> files = Files.list(out)) {
            List<Path> written = files.toList();
            assertEquals(1, written.size(), "one report file");
            assertEquals(String.join("\n", report).trim(), Files.readString(written.get(0)).trim());
        }
    }

    /** Every table row has as many cells as its header. */
    private static void assertTablesAreWellFormed(List<String> report) {
        int columns = -1;
        int tables = 0;
        for (String line : report) {
            if (!line.startsWith("|")) {
                columns = -1;
                continue;
            }
            if (columns < 0) {
                columns = cells(line).length;
                tables++;
            } else {
                assertEquals(columns, cells(line).length, "row of a table: " + line);
            }
        }
        assertTrue(tables >= 3, "baseline, figures and targets tables: " + report);
    }

    private static List<String> rowsOf(List<String> report, String heading) {
        List<String> rows = new ArrayList<>();
        int at = report.indexOf(heading);
        assertTrue(at >= 0, heading + " missing: " + report);
        for (String line : report.subList(at + 1, report.size())) {
            if (line.startsWith("|") && !line.startsWith("| target ") && !line.startsWith("|---")) {
                rows.add(line);
            } else if (line.startsWith("#")) {
                break;
            }
        }
        return rows;
    }

    private static String[] cells(String row) {
        String trimmed = row.trim();
        return Stream.of(trimmed.substring(1, trimmed.length() - 1).split("\\|", -1)).map(String::trim)
                .toArray(String[]::new);
    }
}
