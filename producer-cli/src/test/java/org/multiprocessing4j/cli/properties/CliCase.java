package org.multiprocessing4j.cli.properties;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One generated producer command line and what the invariants need to know about it.
 *
 * @param args          the command line
 * @param env           environment variables the command sees (and no others)
 * @param secret        a password that must appear in no output; null if the case has none
 * @param limitMillis   the command must end within this: its --timeout (if valid), the time to give up on
 *                      an unreachable broker, and a few seconds of slack
 */
record CliCase(List<String> args, Map<String, String> env, String secret, long limitMillis) {

    boolean debug() {
        return args.contains("--debug");
    }

    @Override
    public String toString() {
        String shown = args.stream().map(CliCase::shown).collect(Collectors.joining(" "));
        return (env.isEmpty() ? "" : env.entrySet().stream().map(e -> e.getKey() + "=" + shown(e.getValue()))
                .collect(Collectors.joining(" ")) + " ") + "producer " + shown + " (limit " + limitMillis + " ms)";
    }

    /** An argument as a shell would need it, short, unprintable characters escaped. */
    private static String shown(String arg) {
        String cut = arg.length() > 50 ? arg.substring(0, 30) + "...(" + arg.length() + " chars)" : arg;
        String escaped = cut.chars().mapToObj(c -> c < 0x20 || c == 0x7f ? String.format("\\x%02x", c)
                : String.valueOf((char) c)).collect(Collectors.joining());
        return escaped.isEmpty() || escaped.matches(".*[\\s\"'\\\\$`*?\\[\\]{}();&|<>!#~].*")
                ? "'" + escaped.replace("'", "'\\''") + "'" : escaped;
    }
}
