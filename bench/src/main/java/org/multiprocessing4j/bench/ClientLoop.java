package org.multiprocessing4j.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** The client's side of a {@link ClientSession}: one measured round per command line, until an empty line. */
final class ClientLoop {
    /** One round: {@code latency} (one call at a time) or throughput (INFLIGHT at once). */
    interface Round {
        Result run(boolean latency, int calls, int bytes) throws Exception;
    }

    private ClientLoop() {
    }

    static void serve(Round round) throws Exception {
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = commands.readLine()) != null && !line.isBlank(); ) {
            String[] words = line.trim().split(" ");
            Result result = round.run(words[0].equals("latency"), Integer.parseInt(words[1]), Integer.parseInt(words[2]));
            System.out.println(result.line());
            System.out.flush();
        }
    }
}
