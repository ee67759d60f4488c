package org.multiprocessing4j.cli.properties;

import static org.multiprocessing4j.cli.properties.Generated.chance;
import static org.multiprocessing4j.cli.properties.Generated.oneOf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Producer command lines as a hurried user (or a script with an unset variable) types them: every
 * command, options with values in and out of range, names, URIs with passwords, JSON words. Every
 * command that waits gets a --timeout (a valid one is at most 2.5 s), so each case is bounded; it comes
 * before the command's words, since a word "--" makes every word after it an argument, options too
 * (as a user who typed "--" asked: such a map without a timeout waits for its workers forever).
 * Jobs only ever go to the test's namespace (with workers) or its ".other" one (without).
 */
final class CliGenerator {
    static final long SLACK_MILLIS = 6_000;
    static final String[] QUEUES = {"pq1", "pq2"};
    private static final String[] TASKS = {"square", "echo", "noop", "sleep", "fail", "func", "add", "no_such_task"};
    private static final String[] ODD_NAMES = {"", " ", "a b", "名前", "x\ny", "t".repeat(300), "amq.x", "../etc", "-", "\u202e"};
    private static final String[] GOOD_SECONDS = {"0.2", "1", "1.5", "2.5", "0"};
    private static final String[] GOOD_INTS = {"1", "2", "3"};
    private static final String[] SECONDS = {"0", "0.2", "1", "2.5", "NaN", "-1", "Infinity", "-Infinity", "1e18", "1e300",
            "abc", "", "31536001", "-0", "0x1"};
    private static final String[] INTS = {"0", "1", "2", "-1", "10000", "10001", "2147483647", "2147483648", "abc", "", "1.5"};
    private static final String[] IDS = {"no-such-id", "", "x y", "a\nb", "i".repeat(101), "00000000-0000-0000-0000-000000000000"};
    private static final String[][] MISTYPED = {{"frobnicate"}, {"submit"}, {"map", "square"}, {"queue", "put", "pq1"},
            {"--frobnicate", "workers"}, {"submit", "square", "1", "--timeout"}, {"process"}, {"queue", "get"}};
    private static final String PASSWORD_CHARS = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789-._~";

    private final String uri;
    private final String namespace;

    CliGenerator(String uri, String namespace) {
        this.uri = uri;
        this.namespace = namespace;
    }

    String otherNamespace() {
        return namespace + ".other";
    }

    CliCase next(Random random) {
        List<String> args = new ArrayList<>();
        Map<String, String> env = new HashMap<>();
        String secret = "pw" + password(random);
        boolean downBroker = broker(random, args, env, secret);
        String connectTimeout = "8";
        if (downBroker || chance(random, 0.1)) {
            connectTimeout = chance(random, 0.8) ? "1" : oneOf(random, new String[] {"0", "-1", "86401", "abc", ""});
            args.addAll(List.of("--connect-timeout", connectTimeout));
        }
        namespace(random, args, env);
        if (chance(random, 0.05)) {
            args.add("--debug");
        }
        String timeout = command(random, args);
        long limit = SLACK_MILLIS + millis(timeout) + (downBroker ? 1000L * Math.max(1, parse(connectTimeout, 8)) : 0);
        return new CliCase(List.copyOf(args), Map.copyOf(env), secret, limit);
    }

    /** The broker: the real one mostly; else a down one, bad credentials or a malformed URI, each with a secret. */
    private boolean broker(Random random, List<String> args, Map<String, String> env, String secret) {
        int kind = random.nextInt(14);
        String given = switch (kind) {
            case 0 -> "amqp://mp4j-user:" + secret + "@127.0.0.1:1/%2F";
            case 1 -> uri.replaceFirst("//[^@/]*@", "//guest:" + secret + "@");
            case 2 -> oneOf(new Random(random.nextLong()), new String[] {"amqp//guest:" + secret + "@localhost",
                    "http://guest:" + secret + "@localhost:5672/", "amqp://guest:" + secret + "@/%2F", "", " ",
                    "amqp://guest:" + secret + "@localhost:99999/%2F", "amqps://guest:" + secret + "@127.0.0.1:1/%2F"});
            default -> uri;
        };
        if (chance(random, 0.3) && !given.isBlank()) {
            env.put("AMQP_URI", given);
        } else {
            args.addAll(List.of("--uri", given));
        }
        return kind == 0 || given.contains(":1/") || given.contains("99999");
    }

    /** Always a namespace of the test's (or an invalid one, refused): never the default 'mp4j' of a shared broker. */
    private void namespace(Random random, List<String> args, Map<String, String> env) {
        String ns = chance(random, 0.8) ? namespace : chance(random, 0.5) ? otherNamespace()
                : oneOf(random, new String[] {"", " ", "amq.x", "amq", "bad ns", "x\ny", "n".repeat(101), "名前"});
        if (!ns.isBlank() && chance(random, 0.2)) {
            env.put("MP4J_NAMESPACE", ns);
        } else {
            args.addAll(List.of("--namespace", ns));
            if (chance(random, 0.1)) {
                env.put("MP4J_NAMESPACE", ""); // empty: unset, the option decides
            }
        }
    }

    /** Adds a command; returns its --timeout value (null if it has none). */
    private static String command(Random random, List<String> args) {
        String timeout = chance(random, 0.75) ? oneOf(random, GOOD_SECONDS) : oneOf(random, SECONDS);
        switch (random.nextInt(14)) {
            case 0, 1, 2 -> {
                args.addAll(List.of("submit", task(random), "-t", timeout));
                words(random, args, random.nextInt(3));
                if (chance(random, 0.2)) {
                    args.addAll(List.of("-k", oneOf(random, new String[] {"value=1", "=1", "x", "seconds=0.1", "msg=hi"})));
                }
                flags(random, args, "-s", "-v");
            }
            case 3, 4 -> {
                args.addAll(List.of("map", task(random), "-t", timeout));
                words(random, args, random.nextInt(4));
                options(random, args, "-p", "-c");
                flags(random, args, "--star", "-u", "-s", "-q");
            }
            case 5, 6 -> {
                boolean detach = chance(random, 0.15);
                args.addAll(List.of("process", "start", task(random)));
                args.addAll(detach ? List.of("--detach") : List.of("-t", timeout));
                words(random, args, random.nextInt(3));
                if (chance(random, 0.2)) {
                    args.addAll(List.of("--name", oneOf(random, ODD_NAMES)));
                }
                if (detach) {
                    return null;
                }
            }
            case 7 -> {
                String sub = oneOf(random, new String[] {"status", "wait", "terminate"});
                args.addAll(List.of("process", sub, oneOf(random, IDS)));
                if (sub.equals("wait")) {
                    args.addAll(List.of("-t", timeout));
                } else if (sub.equals("status") && chance(random, 0.5)) {
                    args.addAll(List.of("--lines", oneOf(random, INTS)));
                }
            }
            case 8, 9, 10 -> {
                return queue(random, args, timeout);
            }
            case 11 -> {
                args.add(oneOf(random, new String[] {"workers", "status"}));
                if (args.contains("workers") && chance(random, 0.5)) {
                    args.addAll(List.of("--wait", oneOf(random, new String[] {"1", "500", "0", "-1", "600001", "abc"})));
                }
            }
            case 12 -> args.addAll(List.of("examples", oneOf(random, new String[] {"list", "run"}),
                    oneOf(random, new String[] {"no-such-example", "--wait-for-workers=-1", "--frobnicate", "--wait-for-workers=abc"})));
            default -> args.addAll(List.of(oneOf(random, MISTYPED)));
        }
        return args.contains("-t") ? timeout : null;
    }

    private static String queue(Random random, List<String> args, String timeout) {
        String name = chance(random, 0.85) ? oneOf(random, QUEUES) : oneOf(random, ODD_NAMES);
        String sub = oneOf(random, new String[] {"create", "put", "put", "get", "get", "size", "delete"});
        args.addAll(List.of("queue", sub, name));
        switch (sub) {
            case "create" -> {
                if (chance(random, 0.6)) {
                    args.addAll(List.of("--maxsize", oneOf(random, new String[] {"0", "1", "2", "-1", "1000000001", "abc"})));
                }
            }
            case "put" -> {
                args.addAll(List.of("-t", timeout));
                words(random, args, 1 + random.nextInt(3));
                if (chance(random, 0.3)) {
                    args.add("--nowait");
                }
                return timeout;
            }
            case "get" -> {
                if (chance(random, 0.4)) {
                    args.addAll(List.of("-n", oneOf(random, INTS)));
                }
                if (chance(random, 0.3)) {
                    args.add("--nowait");
                }
                args.addAll(List.of("-t", timeout));
                return timeout;
            }
            default -> { }
        }
        return null;
    }

    private static String task(Random random) {
        return chance(random, 0.92) ? oneOf(random, TASKS) : oneOf(random, ODD_NAMES);
    }

    private static void words(Random random, List<String> args, int count) {
        for (int i = 0; i < count; i++) {
            args.add(JsonGenerator.word(random));
        }
    }

    private static void options(Random random, List<String> args, String... names) {
        for (String name : names) {
            if (chance(random, 0.3)) {
                args.addAll(List.of(name, chance(random, 0.6) ? oneOf(random, GOOD_INTS) : oneOf(random, INTS)));
            }
        }
    }

    private static void flags(Random random, List<String> args, String... names) {
        for (String name : names) {
            if (chance(random, 0.2)) {
                args.add(name);
            }
        }
    }

    private static String password(Random random) {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            password.append(PASSWORD_CHARS.charAt(random.nextInt(PASSWORD_CHARS.length())));
        }
        return password.toString();
    }

    /** A valid --timeout in milliseconds, 0 if there is none or it is refused. */
    private static long millis(String timeout) {
        try {
            double seconds = Double.parseDouble(timeout);
            return seconds >= 0 && seconds <= 31_536_000 ? Math.round(seconds * 1000) : 0;
        } catch (NumberFormatException | NullPointerException e) {
            return 0;
        }
    }

    private static long parse(String value, long fallback) {
        try {
            long parsed = Long.parseLong(value);
            return parsed >= 1 && parsed <= 86_400 ? parsed : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
