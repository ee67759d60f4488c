package org.multiprocessing4j.internal.wire;

import java.io.IOException;
import java.io.Writer;

/** Keeps the first characters written and stops the writer (with {@link Full}) once it has more than it keeps. */
final class AbbreviatingWriter extends Writer {
    private static final String CUT = "...";
    private final int maxChars;
    private final StringBuilder kept = new StringBuilder();
    private boolean cut;

    AbbreviatingWriter(int maxChars) {
        this.maxChars = Math.max(CUT.length(), maxChars);
    }

    /** Thrown through the generator to stop writing: the rest would be thrown away. */
    static final class Full extends IOException {
        Full() {
            super("abbreviated");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // control flow, not an error: no stack trace to take
        }
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        if (cut) {
            throw new Full();
        }
        int room = maxChars - kept.length();
        if (length <= room) {
            kept.append(chars, offset, length);
            return;
        }
        kept.setLength(Math.max(0, Math.min(kept.length(), maxChars - CUT.length())));
        kept.append(chars, offset, Math.max(0, Math.min(length, maxChars - CUT.length() - kept.length())));
        kept.append(CUT);
        cut = true;
        throw new Full();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    String text() {
        return kept.toString();
    }
}
