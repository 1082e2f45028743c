package nethttp.visualizer.scenario;

import java.io.IOException;
import java.time.Duration;
import nethttp.core.ConnState;
import nethttp.event.ConnStateEvent;
import nethttp.event.ExchangeEvent;
import nethttp.visualizer.model.Happening;
import nethttp.visualizer.model.LibraryEvent;
import nethttp.visualizer.model.Recording;

/** Shutdown while two requests are in flight and one connection idles. */
final class GracefulShutdownScenario implements Scenario {
    @Override
    public String id() {
        return "graceful-shutdown";
    }

    @Override
    public String title() {
        return "Graceful shutdown with requests in flight";
    }

    @Override
    public String description() {
        return "Clients A and B each wait on a slow handler; client C's connection is idle. Then Shutdown is called:"
                + " the listener closes and the accept loop ends, C's idle connection is closed at once, A and B get"
                + " their responses (with Connection: close) and only then are their connections closed.";
    }

    /** Just after Shutdown closed the idle connection, while the two active ones are still serving. */
    @Override
    public int telling(Recording rec) {
        int called = Scenario.after(rec, h -> Scenario.noteStarting(h, "Shutdown called"), 0, -1);
        if (called < 0) return Scenario.super.telling(rec);
        java.util.List<Happening> hs = rec.happenings();
        for (int i = called; i < hs.size(); i++) {
            if (hs.get(i) instanceof LibraryEvent le && le.event() instanceof ConnStateEvent s && s.state() == ConnState.CLOSED) return i + 1;
        }
        return Scenario.super.telling(rec);
    }

    @Override
    public void play(ScenarioRun run) throws Exception {
        try (RawClient a = run.connect("client A"); RawClient b = run.connect("client B"); RawClient c = run.connect("client C")) {
            run.note("client C makes a quick request and keeps its connection open");
            c.send(RawClient.get("/"));
            c.readResponse();
            run.awaitCount(GracefulShutdownScenario::idle, 1);
            run.note("clients A and B each send GET /slow?delay=500");
            a.send(RawClient.get("/slow?delay=500"));
            b.send(RawClient.get("/slow?delay=500"));
            run.awaitCount(h -> requestRead(h, "/slow"), 2);
            run.note("Shutdown called, with two requests in flight");
            Thread shutdown = Thread.ofVirtual().start(() -> {
                try {
                    run.server.shutdown(Duration.ofSeconds(5));
                    run.note("Shutdown returned: no connection left");
                } catch (Exception e) {
                    run.note("Shutdown failed: " + e);
                }
            });
            c.awaitClose(2000);
            a.readResponse();
            b.readResponse();
            a.awaitClose(2000);
            b.awaitClose(2000);
            shutdown.join(Duration.ofSeconds(6));
            try (RawClient late = run.connect("client D")) {
                run.note(late.name() + " could still connect after the shutdown");
            } catch (IOException refused) {
                run.note("client D cannot connect: the listener is closed (" + refused.getMessage() + ")");
            }
        }
    }

    private static boolean idle(Happening h) {
        return h instanceof LibraryEvent le && le.event() instanceof ConnStateEvent s && s.state() == ConnState.IDLE;
    }

    private static boolean requestRead(Happening h, String path) {
        return h instanceof LibraryEvent le && le.event() instanceof ExchangeEvent x
                && x.kind() == ExchangeEvent.Kind.REQUEST_READ && x.detail().contains(path);
    }
}
