package org.multiprocessing4j.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A throwaway CA and a server certificate for "localhost", made with openssl, for TLS tests. */
public record TlsMaterial(Path caCertificate, Path serverCertificate, Path serverKey) {

    public static TlsMaterial create() {
        try {
            Path dir = Files.createTempDirectory("mp4j-tls");
            Path caKey = dir.resolve("ca.key");
            Path ca = dir.resolve("ca.pem");
            Path key = dir.resolve("server.key");
            Path csr = dir.resolve("server.csr");
            Path cert = dir.resolve("server.pem");
            Path ext = dir.resolve("san.ext");
            Files.writeString(ext, "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
            openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", caKey.toString(), "-out", ca.toString(),
                    "-days", "2", "-subj", "/CN=mp4j test CA");
            openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out", csr.toString(),
                    "-subj", "/CN=localhost");
            openssl("x509", "-req", "-in", csr.toString(), "-CA", ca.toString(), "-CAkey", caKey.toString(),
                    "-CAcreateserial", "-out", cert.toString(), "-days", "2", "-extfile", ext.toString());
            // the broker runs as this user and must read its key
            key.toFile().setReadable(true, false);
            dir.toFile().deleteOnExit(); // registered first, deleted last, once emptied
            for (Path file : List.of(caKey, ca, key, csr, cert, ext, dir.resolve("ca.srl"))) {
                file.toFile().deleteOnExit();
            }
            return new TlsMaterial(ca, cert, key);
        } catch (IOException e) {
            throw new IllegalStateException("could not create TLS material", e);
        }
    }

    private static void openssl(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        ChildProcess.Finished done = ChildProcess.run(command, Map.of(), Duration.ofSeconds(60));
        if (done.exit() != 0) {
            throw new IOException("openssl " + args[0] + " failed: " + done.text());
        }
    }
}
