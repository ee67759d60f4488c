package org.multiprocessing4j.cli.support;

/**
 * An error message as the one line the producer promises: line breaks and control characters in
 * it (from a value the user typed, or a task's message) are shown escaped, and a very long one is
 * cut, so a message can neither forge output lines nor bury the terminal.
 */
public final class OneLine {
    static final int MAX_LENGTH = 1_000;

    private OneLine() {
    }

    public static String of(String message) {
        if (message == null) {
            return "";
        }
        StringBuilder line = new StringBuilder(Math.min(message.length(), MAX_LENGTH + 40));
        message.codePoints().forEach(c -> {
            if (line.length() > MAX_LENGTH) {
                return;
            }
            if (OptionValues.isUnprintable(c)) {
                line.append(c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : String.format("\\u%04x", c));
            } else {
                line.appendCodePoint(c);
            }
        });
        if (line.length() > MAX_LENGTH) {
            line.setLength(MAX_LENGTH);
            line.append("... (").append(message.length()).append(" characters)");
        }
        return line.toString();
    }
}
