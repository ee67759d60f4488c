package org.multiprocessing4j.dashboard;

public final class DashboardMain {
    public static void main(String[] args) {
    }
}
