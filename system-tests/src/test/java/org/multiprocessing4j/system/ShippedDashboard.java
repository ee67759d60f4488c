package org.multiprocessing4j.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.multiprocessing4j.testkit.ChildProcess;
import org.multiprocessing4j.testkit.TestBroker;

/** The shipped dashboard (java -jar mp4j-dashboard.jar) on a test's namespace, on a free port. */
final class ShippedDashboard implements AutoCloseable {
    static final Path JAR = Shipped.ROOT.resolve("dashboard/target/mp4j-dashboard.jar");
    /** A token the tests know; the generated one is tested apart. */
    static final String TOKEN = "test-token-0123456789abcdef";
    private static final Pattern SERVING = Pattern.compile("dashboard: serving http://([^/]+)/");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final ChildProcess process;
    private final String base;

    private ShippedDashboard(ChildProcess process, String base) {
        this.process = process;
        this.base = base;
    }

    static ShippedDashboard start(TestBroker broker, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("--port", "0", "--token", TOKEN));
        args.addAll(List.of(extraArgs));
        ChildProcess process = ChildProcess.startJar("dashboard", JAR, args,
                Map.of("AMQP_URI", broker.uri(), "MP4J_NAMESPACE", broker.namespace()));
        if (!process.awaitLine(line -> SERVING.matcher(line).find(), Duration.ofSeconds(60))) {
            process.kill9();
            throw new IllegalStateException("the dashboard did not start:\n" + process.describe());
        }
        String line = process.stdout().stream().filter(l -> SERVING.matcher(l).find()).findFirst().orElseThrow();
        Matcher matcher = SERVING.matcher(line);
        matcher.find();
        return new ShippedDashboard(process, "http://" + matcher.group(1));
    }

    /** http://127.0.0.1:PORT */
    String base() {
        return base;
    }

    int port() {
        return Integer.parseInt(base.substring(base.lastIndexOf(':') + 1));
    }

    ChildProcess process() {
        return process;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The HTTP status of a GET naming another Host (HttpClient will not set Host: written by hand). */
    int statusWithHost(String path, String host) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String status = new String(socket.getInputStream().readNBytes(12), java.nio.charset.StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    /** A POST with the given Authorization header (null: none). */
    HttpResponse<String> post(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The first {@code bytes} of a Server-Sent Events stream (it never ends by itself). */
    String firstOfStream(String path, int bytes) throws IOException, InterruptedException {
        HttpResponse<java.io.InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofInputStream());
        try (java.io.InputStream body = response.body()) {
            return new String(body.readNBytes(bytes), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        process.sigterm();
        if (process.awaitExit(Duration.ofSeconds(10)) == null) {
            process.kill9();
        }
    }
}
