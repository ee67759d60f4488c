package org.multiprocessing4j.archfixture.api;

import org.multiprocessing4j.internal.client.ClientCore;

/** Breaks "no public signature of the API names an internal type". */
public final class ApiLeakingAnInternal {
    public ClientCore core() {
        return null;
    }
}
