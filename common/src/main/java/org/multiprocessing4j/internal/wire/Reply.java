package org.multiprocessing4j.internal.wire;

/** What a worker sends to a job's producer, in this order: started, output lines, result. */
public sealed interface Reply permits StartedReply, OutputReply, ProgressReply, ResultReply {
    /** The job this reply is about. */
    String id();
}
