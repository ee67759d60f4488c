package org.multiprocessing4j.dashboard;

import io.javalin.http.sse.SseClient;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Sends the page's state to every open page once a second (and at once to a page that just
 * connected). The state is serialized once per tick, whatever the number of pages; at most
 * {@value #MAX_PAGES} pages at once, so memory stays bounded.
 */
final class Broadcaster implements Runnable {
    static final int MAX_PAGES = 64;

    private final Set<SseClient> pages = ConcurrentHashMap.newKeySet();
    private final Supplier<String> state;

    Broadcaster(Supplier<String> state) {
        this.state = state;
    }

    /** Keeps the page's stream open and sends it the state now; false if too many pages are open. */
    boolean join(SseClient page) {
        if (pages.size() >= MAX_PAGES) {
            return false;
        }
        page.keepAlive();
        page.onClose(() -> pages.remove(page));
        page.sendEvent("state", state.get());
        pages.add(page);
        return true;
    }

    @Override
    public void run() {
        if (pages.isEmpty()) {
            return;
        }
        String now = state.get();
        for (SseClient page : pages) {
            if (page.terminated()) {
                pages.remove(page);
            } else {
                page.sendEvent("state", now);
            }
        }
    }

    int pages() {
        return pages.size();
    }
}
