package org.multiprocessing4j.bench;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** The report's header: when, on what machine, how busy it was, against which broker. */
final class Machine {
    private Machine() {
    }

    static String describe(String uri) {
        String load = loadAverage();
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        int cores = Runtime.getRuntime().availableProcessors();
        StringBuilder text = new StringBuilder();
        text.append(String.format("- date: %s%n", date));
        text.append(String.format("- machine: %d cores, %s, %s RAM; load average at start %s%n", cores, cpuModel(),
                memory(), load));
        text.append(String.format("- Java %s (%s); broker %s, RabbitMQ %s%n", System.getProperty("java.version"),
                System.getProperty("java.vm.name"), org.multiprocessing4j.connection.BrokerSettings.defaults().withUri(uri)
                        .maskedUri(), brokerVersion(uri)));
        double oneMinute = parse(load.split(" ")[0]);
        if (oneMinute > cores * 0.5) {
            text.append(String.format("- **the machine was busy** (load %.1f on %d cores): absolute figures are "
                    + "indicative only; ratios of back-to-back rounds hold better, the spread shows how well%n",
                    oneMinute, cores));
        }
        return text.toString();
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal:"))
                    .map(line -> String.format("%.1f GiB", Long.parseLong(line.replaceAll("[^0-9]", "")) / 1048576.0))
                    .findFirst().orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String brokerVersion(String uri) {
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(uri);
            try (Connection connection = factory.newConnection("bench header")) {
                return String.valueOf(connection.getServerProperties().get("version"));
            }
        } catch (Exception e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static double parse(String number) {
        try {
            return Double.parseDouble(number);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
