package org.multiprocessing4j.internal.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * An exception as data: its class name, message, stack frames and cause. Built from a
 * Throwable on the worker; rebuilt as a {@link org.multiprocessing4j.errors.RemoteCause} on the
 * producer without loading any class.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RemoteError(String type, String message, List<Frame> trace, RemoteError cause) {
    /** Causes deeper than this are cut: a cyclic or absurd chain must not blow up a reply. */
    private static final int MAX_DEPTH = 8;

    public record Frame(String cls, String method, String file, int line) {
        static Frame of(StackTraceElement e) {
            return new Frame(e.getClassName(), e.getMethodName(), e.getFileName(), e.getLineNumber());
        }

        public StackTraceElement toStackTraceElement() {
            return new StackTraceElement(cls, method, file, line);
        }
    }

    public static RemoteError of(Throwable t) {
        return of(t, 0);
    }

    private static RemoteError of(Throwable t, int depth) {
        List<Frame> frames = new ArrayList<>();
        for (StackTraceElement e : t.getStackTrace()) {
            frames.add(Frame.of(e));
        }
        Throwable cause = t.getCause();
        RemoteError remoteCause = cause == null || cause == t || depth >= MAX_DEPTH ? null : of(cause, depth + 1);
        return new RemoteError(t.getClass().getName(), t.getMessage(), frames, remoteCause);
    }

    /** An error that did not come from a Throwable (unknown task, dead-lettered job...). */
    public static RemoteError of(String type, String message) {
        return new RemoteError(type, message, List.of(), null);
    }
}
