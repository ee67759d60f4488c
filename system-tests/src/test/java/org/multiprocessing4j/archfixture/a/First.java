package org.multiprocessing4j.archfixture.a;

import org.multiprocessing4j.archfixture.b.Second;

/** With {@link Second}, breaks "no package cycles". */
public final class First {
    public Second next() {
        return null;
    }
}
