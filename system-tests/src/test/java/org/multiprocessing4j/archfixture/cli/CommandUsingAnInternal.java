package org.multiprocessing4j.archfixture.cli;

import org.multiprocessing4j.internal.wire.Ids;

/** Breaks "the CLI imports no internal package". */
public final class CommandUsingAnInternal {
    public String newJob() {
        return Ids.jobId();
    }
}
