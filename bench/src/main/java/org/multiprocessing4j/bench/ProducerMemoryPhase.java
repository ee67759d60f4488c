package org.multiprocessing4j.bench;

/**
 * The producer's memory with many results in flight: a client submits them all through an
 * unlimited pool before it reads one, so every job, reply and AsyncResult is held at once.
 */
final class ProducerMemoryPhase implements Phase {
    @Override
    public String id() {
        return "producer-memory";
    }

    @Override
    public String title(Settings settings) {
        return String.format("producer memory with %,d results in flight, 2 workers", settings.inFlight());
    }

    @Override
    public void run(BenchRun run) {
        Settings settings = run.settings();
        String namespace = run.namespace("producer-memory");
        run.workers(namespace, 2, Settings.IN_FLIGHT / 2);
        try (ClientSession project = run.projectClient(namespace)) {
            run.warmUp(ClientSession.FLOOD, Math.min(settings.inFlight(), 2000), 0, project);
            double idle = Memory.rssMb(project.pid());
            Result flood = project.round(ClientSession.FLOOD, settings.inFlight(), 0, run.progress(),
                    String.format("%,d submitted at once", settings.inFlight()));
            run.report().figure("producer RSS after warm-up, idle (MB)", "%.0f", null).add(idle);
            run.report().figure(String.format("producer peak RSS with %,d results in flight (MB)", settings.inFlight()),
                    "%.0f", null).add(flood.peakRssMb());
            run.report().figure(String.format("%,d submitted at once, then collected (tasks/s)", settings.inFlight()),
                    "%,.0f", null).add(flood.perSecond());
            run.progress().note(String.format("producer RSS %.0f MB idle, peak %.0f MB with %,d in flight (%,.0f tasks/s)",
                    idle, flood.peakRssMb(), settings.inFlight(), flood.perSecond()));
        }
        run.report().note("Producer memory: the client JVM's VmHWM, with the JVM options in the header; it lets each "
                + "result go once read.");
        run.roles().stopServers();
    }
}
