package org.multiprocessing4j.archfixture.common;

import org.multiprocessing4j.Multiprocessing;

/** Breaks "common depends on nothing above it". */
public final class BottomReachingUp {
    public Class<?> above() {
        return Multiprocessing.class;
    }
}
