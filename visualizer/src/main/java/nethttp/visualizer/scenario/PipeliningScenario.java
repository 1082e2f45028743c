package nethttp.visualizer.scenario;

import nethttp.visualizer.model.Recording;

/** Two requests in one write; the background read watches the socket while the first is served. */
final class PipeliningScenario implements Scenario {
    @Override
    public String id() {
        return "pipelining";
    }

    @Override
    public String title() {
        return "Pipelined requests and the background read";
    }

    @Override
    public String description() {
        return "Client A writes two requests in one write. The slow handler of the first waits on its request's"
                + " context, which starts a background-read thread: it parks on the socket to notice a hang-up. The"
                + " second request is already buffered and is"
                + " served next without a socket read. A third request, sent later, is the byte the background"
                + " read was waiting for.";
    }

    /** Just after the third request arrives: the byte the parked background read was waiting for. */
    @Override
    public int telling(Recording rec) {
        return Scenario.after(rec, h -> Scenario.noteStarting(h, "client A sends a third request"), 2, Scenario.super.telling(rec));
    }

    @Override
    public void play(ScenarioRun run) throws Exception {
        try (RawClient a = run.connect("client A")) {
            run.note("client A writes two requests in one write: GET /slow and GET /echo");
            a.send(RawClient.get("/slow?delay=300") + RawClient.get("/echo?second=1"));
            a.readResponse();
            a.readResponse();
            Thread.sleep(100); // a pause, so the parked background read can be seen
            run.note("client A sends a third request, with Connection: close");
            a.send(RawClient.get("/echo?third=1", "Connection: close"));
            a.readResponse();
            a.awaitClose(2000);
        }
    }
}
