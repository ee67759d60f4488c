package org.multiprocessing4j.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The client's side of a {@link ClientSession}: one measured round per command line
 * ({@code MODE CALLS ARG}), a RESULT line back, until an empty line. The Python clients of the
 * peers (resources python/) speak the same protocol.
 */
final class ClientLoop {
    /** One round of a mode of {@link ClientSession}. */
    interface Round {
        Result run(String mode, int calls, int arg) throws Exception;
    }

    private ClientLoop() {
    }

    static void serve(Round round) throws Exception {
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = commands.readLine()) != null && !line.isBlank(); ) {
            String[] words = line.trim().split(" ");
            Result result = round.run(words[0], Integer.parseInt(words[1]), Integer.parseInt(words[2]));
            System.out.println(result.line());
            System.out.flush();
        }
    }
}
