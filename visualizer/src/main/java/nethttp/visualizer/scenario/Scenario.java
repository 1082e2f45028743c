package nethttp.visualizer.scenario;

import java.util.List;
import java.util.function.Consumer;
import nethttp.visualizer.model.Happening;
import nethttp.visualizer.model.Recording;

/**
 * A story the visualizer can play: it configures the embedded server, drives its own clients
 * against it, and narrates with notes. The run is recorded; the app then replays it.
 *
 * <p>New scenarios (the client's: connection reuse in the Transport, the getConn race,
 * MaxConnsPerHost queueing) implement this and join {@link Scenarios#ALL}.
 */
public interface Scenario {
    /** A short, stable name, used in files and on the command line: {@code keep-alive}. */
    String id();

    /** The name shown in the scenario list. */
    String title();

    /** Two or three sentences on what to watch for. */
    String description();

    /**
     * The position of {@code rec} that shows the scenario's point best, for a screenshot: by
     * default three quarters in, far enough to show the point, with life left in it.
     */
    default int telling(Recording rec) {
        return rec.happenings().size() * 3 / 4;
    }

    /**
     * The position just after the first happening of {@code rec} that {@code what} matches, plus
     * {@code more} steps to show what follows; {@code fallback} when nothing matches.
     */
    static int after(Recording rec, java.util.function.Predicate<Happening> what, int more, int fallback) {
        List<Happening> hs = rec.happenings();
        for (int i = 0; i < hs.size(); i++) if (what.test(hs.get(i))) return Math.min(hs.size(), i + 1 + more);
        return fallback;
    }

    /** Whether {@code h} is the server's connection {@code conn} closing. */
    static boolean closes(Happening h, long conn) {
        return h instanceof nethttp.visualizer.model.LibraryEvent le && le.event() instanceof nethttp.event.ConnStateEvent s
                && s.conn() == conn && s.state() == nethttp.core.ConnState.CLOSED;
    }

    /** Whether {@code h} is a note that starts with {@code text}. */
    static boolean noteStarting(Happening h, String text) {
        return h instanceof nethttp.visualizer.model.Note n && n.text().startsWith(text);
    }

    /** Plays the scenario against {@code run}'s server; returns when its clients are done. */
    void play(ScenarioRun run) throws Exception;

    /**
     * Runs the scenario from start to end, handing each happening to {@code live} as it is
     * recorded.
     */
    default Recording record(Consumer<Happening> live) throws Exception {
        ScenarioRun run = new ScenarioRun(live);
        run.start(ScenarioRoutes.handler());
        Exception failure = null;
        try {
            play(run);
        } catch (Exception e) {
            failure = e;
            run.note("scenario failed: " + e);
        }
        Recording rec = run.finish(id()); // shuts the server down, also after a failure
        if (failure != null) throw failure;
        return rec;
    }
}
