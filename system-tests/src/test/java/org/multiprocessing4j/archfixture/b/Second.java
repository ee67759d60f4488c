package org.multiprocessing4j.archfixture.b;

import org.multiprocessing4j.archfixture.a.First;

/** With {@link First}, breaks "no package cycles". */
public final class Second {
    public First back() {
        return null;
    }
}
