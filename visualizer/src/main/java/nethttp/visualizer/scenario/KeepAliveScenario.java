package nethttp.visualizer.scenario;

import nethttp.visualizer.model.Recording;

/** One connection serves several requests: active, idle, active again, then closed on request. */
final class KeepAliveScenario implements Scenario {
    @Override
    public String id() {
        return "keep-alive";
    }

    @Override
    public String title() {
        return "Keep-alive reuse";
    }

    @Override
    public String description() {
        return "Client A sends three requests one after the other on the same connection, then a fourth with"
                + " \"Connection: close\". Watch conn 1 go active and idle in turns while one conn-serve thread"
                + " loops, parked on \"read request\" between requests; the last response closes it.";
    }

    /** Just after the last response closed the connection, as "Connection: close" asked. */
    @Override
    public int telling(Recording rec) {
        return Scenario.after(rec, h -> Scenario.closes(h, 1), 2, Scenario.super.telling(rec));
    }

    @Override
    public void play(ScenarioRun run) throws Exception {
        try (RawClient a = run.connect("client A")) {
            String[] targets = {"/", "/echo?x=1", "/stream?n=3&delay=40"};
            for (String t : targets) {
                run.note("client A sends GET " + t + " on its one connection");
                a.send(RawClient.get(t));
                a.readResponse();
                Thread.sleep(80); // a pause, so the idle state is long enough to see
            }
            run.note("client A sends its last request with Connection: close");
            a.send(RawClient.get("/", "Connection: close"));
            a.readResponse();
            a.awaitClose(2000);
        }
    }
}
