package nethttp.visualizer.scenario;

import java.time.Duration;
import nethttp.visualizer.model.Recording;

/**
 * A slowloris client trickles its request head one byte at a time; ReadHeaderTimeout closes its
 * connection, while a well-behaved client is served meanwhile.
 */
final class SlowlorisScenario implements Scenario {
    static final Duration READ_HEADER_TIMEOUT = Duration.ofMillis(800);

    @Override
    public String id() {
        return "slowloris";
    }

    @Override
    public String title() {
        return "Slowloris vs ReadHeaderTimeout";
    }

    @Override
    public String description() {
        return "The server has ReadHeaderTimeout = 800 ms. Client S sends a request head one byte every 100 ms and"
                + " never finishes it; client B sends a normal request meanwhile and is served. When the deadline"
                + " passes, the partial header line S had sent is handed to the parser, as Go's bufio does; it has"
                + " its colon, so it parses, the next read fails with the timeout, and the server closes S's"
                + " connection without a reply (a cut line that did not parse would get a 400). S's connection"
                + " stays new while it trickles: it turns active only when readRequest returns.";
    }

    /** Just after the server cut client S's trickling connection off, at the ReadHeaderTimeout. */
    @Override
    public int telling(Recording rec) {
        return Scenario.after(rec, h -> Scenario.noteStarting(h, "the server closed client S"), 0, Scenario.super.telling(rec));
    }

    @Override
    public void play(ScenarioRun run) throws Exception {
        run.server.readHeaderTimeout = READ_HEADER_TIMEOUT;
        try (RawClient s = run.connect("client S"); RawClient b = run.connect("client B")) {
            run.note("client S starts a request head and trickles it, one byte at a time");
            // The header name and its colon go first, so that wherever the deadline cuts the
            // trickled value, the partial line parses and the close comes without a reply.
            s.send("GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow:");
            String trickle = " 0123456789abcdefghijklmnopqrstuvwxyz";
            boolean closed = false;
            for (int i = 0; i < trickle.length() && !closed; i++) {
                s.send(trickle.substring(i, i + 1));
                if (i == 2) {
                    run.note("client B sends a complete request meanwhile");
                    b.send(RawClient.get("/", "Connection: close"));
                    b.readResponse();
                }
                closed = s.awaitClose(100); // the pace of the trickle; returns early on close
            }
            run.note(closed ? "the server closed client S's connection: ReadHeaderTimeout" : "client S gave up");
        }
    }
}
