package org.multiprocessing4j.internal.wire;

/** The protocol version every message carries in its {@code v} field. */
public final class WireVersion {
    /** Bumped only for changes an older peer would misread; new optional fields do not bump it. */
    public static final int CURRENT = 1;

    private WireVersion() {
    }
}
