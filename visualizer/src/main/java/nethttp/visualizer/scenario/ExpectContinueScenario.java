package nethttp.visualizer.scenario;

import nethttp.visualizer.model.Recording;

/** Expect: 100-continue, answered with 100 Continue when the handler reads, and not otherwise. */
final class ExpectContinueScenario implements Scenario {
    @Override
    public String id() {
        return "expect-continue";
    }

    @Override
    public String title() {
        return "Expect: 100-continue";
    }

    @Override
    public String description() {
        return "Client A posts with \"Expect: 100-continue\" and waits: the server sends \"100 Continue\" only when"
                + " the handler starts reading the body. Then A posts again to a path whose handler never reads:"
                + " no 100 Continue, and a 404 with Connection: close, since the server cannot tell what comes next on"
                + " the wire: the unsent body, or a new request.";
    }

    /** Just after the 404 that ends the second exchange, without 100 Continue, has closed the connection. */
    @Override
    public int telling(Recording rec) {
        int told = Scenario.after(rec, h -> Scenario.noteStarting(h, "no 100 Continue came"), 0, Scenario.super.telling(rec));
        return Scenario.after(rec, h -> Scenario.closes(h, 1), 0, told);
    }

    @Override
    public void play(ScenarioRun run) throws Exception {
        try (RawClient a = run.connect("client A")) {
            String body = "hello=world";
            run.note("client A sends a POST head with Expect: 100-continue and holds the body back");
            a.send("POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + body.length()
                    + "\r\nExpect: 100-continue\r\n\r\n");
            String interim = a.readResponse();
            run.note("client A got \"" + interim.strip() + "\" and sends the body");
            a.send(body);
            a.readResponse();
            run.note("client A sends a second POST with Expect: 100-continue, to a handler that does not read it");
            a.send("POST /nowhere HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + body.length()
                    + "\r\nExpect: 100-continue\r\n\r\n");
            String reply = a.readResponse();
            run.note(reply.contains("\r\nConnection: close\r\n")
                    ? "no 100 Continue came, and the 404 says Connection: close: client A hangs up without sending the body"
                    : "no 100 Continue came: client A hangs up without sending the body");
        }
    }
}
