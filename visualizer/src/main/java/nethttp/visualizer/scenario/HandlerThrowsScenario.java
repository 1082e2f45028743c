package nethttp.visualizer.scenario;

import nethttp.visualizer.model.Recording;

/** A handler throws: the server logs it, closes that connection, and keeps serving others. */
final class HandlerThrowsScenario implements Scenario {
    @Override
    public String id() {
        return "handler-throws";
    }

    @Override
    public String title() {
        return "A handler that throws";
    }

    @Override
    public String description() {
        return "Client A asks for /boom, whose handler throws. As Go recovers a panic in a handler, the server logs"
                + " the exception and closes the connection without a response. Client B, on its own connection, is"
                + " served as usual.";
    }

    /** Just after the server logged the exception as Go logs a panic. */
    @Override
    public int telling(Recording rec) {
        return Scenario.after(rec, h -> Scenario.noteStarting(h, "server log: http: panic"), 1, Scenario.super.telling(rec));
    }

    @Override
    public void play(ScenarioRun run) throws Exception {
        try (RawClient a = run.connect("client A")) {
            run.note("client A sends GET /boom");
            a.send(RawClient.get("/boom"));
            String reply = a.readResponse();
            run.note(reply.isEmpty() ? "client A got no response: the connection was closed" : "client A got a response");
        }
        try (RawClient b = run.connect("client B")) {
            run.note("client B sends GET / and is served");
            b.send(RawClient.get("/", "Connection: close"));
            b.readResponse();
            b.awaitClose(2000);
        }
    }
}
