package org.multiprocessing4j.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.multiprocessing4j.DeadLetter;
import org.multiprocessing4j.Multiprocessing;

/**
 * The HTTP side: the page (static files), its state over Server-Sent Events, a few JSON reads, and
 * the actions, which need the access token. Every response comes from views holding no broker
 * credentials; when bound to the loopback address, requests naming another host are refused (a
 * web page elsewhere cannot reach it through DNS rebinding).
 */
final class DashboardServer implements AutoCloseable {
    static final int MAX_LIST = 500;
    private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]");

    private final Multiprocessing mp;
    private final DashboardState state;
    private final AccessToken token;
    private final ObjectMapper json;
    private final Broadcaster broadcaster;
    private final JobOutputs outputs;
    private final boolean loopbackOnly;
    private Javalin app;

    DashboardServer(Multiprocessing mp, DashboardState state, AccessToken token, boolean loopbackOnly) {
        this.mp = mp;
        this.state = state;
        this.token = token;
        this.loopbackOnly = loopbackOnly;
        this.json = new ObjectMapper();
        this.broadcaster = new Broadcaster(() -> write(state.snapshot()));
        this.outputs = new JobOutputs(mp, json);
    }

    Broadcaster broadcaster() {
        return broadcaster;
    }

    /** Starts listening; returns the port (the one chosen when {@code port} is 0). */
    int start(String bind, int port) {
        app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(json, false));
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/dashboard";
                files.location = Location.CLASSPATH;
            });
        });
        app.before(this::guard);
        app.after(DashboardServer::securityHeaders);
        app.sse("/api/stream", page -> {
            if (!broadcaster.join(page)) {
                page.sendEvent("failed", "{\"error\":\"too many pages open\"}");
                page.close();
            }
        });
        app.get("/api/state", ctx -> ctx.json(state.snapshot()));
        app.get("/api/jobs", ctx -> ctx.json(state.jobs().search(limit(ctx), ctx.queryParam("q"))));
        app.get("/api/jobs/{id}", ctx -> state.jobs().get(ctx.pathParam("id"))
                .ifPresentOrElse(ctx::json, () -> notFound(ctx, "no job " + ctx.pathParam("id") + " among the recent ones")));
        app.sse("/api/jobs/{id}/output", this::output);
        app.get("/api/dead", ctx -> ctx.json(mp.deadLetters().list(limit(ctx)).stream().map(DashboardServer::dead).toList()));
        app.get("/api/health", ctx -> ctx.json(state.health(broadcaster.pages())));
        app.post("/api/jobs/{id}/terminate", this::terminate);
        app.post("/api/dead/{id}/replay", this::replay);
        app.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.getMessage()));
        app.exception(RuntimeException.class, (e, ctx) -> error(ctx, HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()));
        app.start(bind, port);
        return app.port();
    }

    /** Refuses a foreign Host on a loopback-only server, and an action without the right token. */
    private void guard(Context ctx) {
        if (loopbackOnly && !LOOPBACK_NAMES.contains(hostName(ctx.host()))) {
            error(ctx, HttpStatus.FORBIDDEN, "this dashboard answers only to localhost (start it with --bind to serve other names)");
            ctx.skipRemainingHandlers();
            return;
        }
        if (!"POST".equals(ctx.method().name())) {
            return;
        }
        AccessToken.Check check = token.check(ctx.header("Authorization"));
        if (check != AccessToken.Check.OK) {
            ctx.header("WWW-Authenticate", "Bearer");
            error(ctx, check == AccessToken.Check.MISSING ? HttpStatus.UNAUTHORIZED : HttpStatus.FORBIDDEN,
                    check == AccessToken.Check.MISSING ? "this action needs the dashboard's token" : "wrong token");
            ctx.skipRemainingHandlers();
        }
    }

    static String hostName(String host) {
        if (host == null) {
            return "";
        }
        int colon = host.startsWith("[") ? host.indexOf("]:") + 1 : host.lastIndexOf(':');
        return colon > 0 ? host.substring(0, colon) : host;
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
    }

    private void output(io.javalin.http.sse.SseClient page) {
        String id = page.ctx().pathParam("id");
        Instant submitted = state.jobs().get(id).map(job -> Instant.ofEpochMilli(job.submittedAt()))
                .orElse(Instant.now().minus(java.time.Duration.ofMinutes(15)));
        if (!outputs.watch(page, id, submitted)) {
            page.sendEvent("failed", "{\"error\":\"too many outputs open\"}");
            page.close();
        }
    }

    private void terminate(Context ctx) {
        String id = ctx.pathParam("id");
        boolean kill = "true".equals(ctx.queryParam("kill"));
        if (kill) {
            mp.kill(id);
        } else {
            mp.terminate(id);
        }
        ctx.status(HttpStatus.ACCEPTED).json(Map.of("job", id, "sent", kill ? "kill" : "terminate"));
    }

    private void replay(Context ctx) {
        String id = ctx.pathParam("id");
        if (mp.deadLetters().replay(id)) {
            ctx.json(Map.of("job", id, "replayed", true));
        } else {
            notFound(ctx, "no dead letter " + id);
        }
    }

    private static Map<String, Object> dead(DeadLetter d) {
        return Map.of("id", d.jobId(), "task", String.valueOf(d.task()), "reason", String.valueOf(d.reason()),
                "error", String.valueOf(d.error()), "arguments", String.valueOf(d.arguments()),
                "attempts", d.attempts(), "deadAt", d.deadAt() == null ? 0 : d.deadAt().toEpochMilli());
    }

    private static int limit(Context ctx) {
        String limit = ctx.queryParam("limit");
        if (limit == null) {
            return 100;
        }
        try {
            int n = Integer.parseInt(limit);
            if (n >= 1 && n <= MAX_LIST) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // said below
        }
        throw new IllegalArgumentException("limit must be 1 to " + MAX_LIST + ", got '" + limit + "'");
    }

    private static void notFound(Context ctx, String message) {
        error(ctx, HttpStatus.NOT_FOUND, message);
    }

    private static void error(Context ctx, HttpStatus status, String message) {
        ctx.status(status).json(Map.of("error", String.valueOf(message)));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the state: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        outputs.close();
        if (app != null) {
            app.stop();
        }
    }
}
