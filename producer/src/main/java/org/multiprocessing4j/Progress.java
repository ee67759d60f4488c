package org.multiprocessing4j;

/**
 * How far a task says it is: {@code done} of {@code total} units (its {@code TaskCall.progress}).
 *
 * @param done  units done, 0 to total
 * @param total units in all, at least 1
 */
public record Progress(long done, long total) {
    /** From 0 to 1. */
    public double fraction() {
        return total <= 0 ? 0 : (double) done / total;
    }

    @Override
    public String toString() {
        return done + "/" + total;
    }
}
