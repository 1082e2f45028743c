package nethttp.visualizer.scenario;

import static nethttp.event.ClientTraceEvent.Kind.CONNECT_START;
import static nethttp.event.ClientTraceEvent.Kind.GOT_CONN;
import static nethttp.event.ClientTraceEvent.Kind.PUT_IDLE_CONN;
import static nethttp.event.ClientTraceEvent.Kind.WAIT_FOR_SLOT;

import java.util.ArrayList;
import java.util.List;
import nethttp.transport.GetConnStrategy;
import nethttp.visualizer.model.Recording;

/** MaxConnsPerHost = 2 and five requests at once: three wait, and are served oldest first. */
final class MaxConnsPerHostScenario implements Scenario {
    static final int MAX_CONNS = 2;

    @Override
    public String id() {
        return "max-conns-per-host";
    }

    @Override
    public String title() {
        return "MaxConnsPerHost = 2, five requests";
    }

    @Override
    public String description() {
        return "A Go 1.13 transport may hold two connections to the server. Requests a and b dial them; c, d and e"
                + " find the host full and wait, both for a dial slot and for an idle connection. Each time a"
                + " request reads its body to the end, its connection goes to the oldest waiter: c, then d, then e."
                + " Two dials in all.";
    }

    /** The moment c, d and e all wait. */
    @Override
    public int telling(Recording rec) {
        return ClientSide.afterAll(rec, WAIT_FOR_SLOT, 5, Scenario.super.telling(rec));
    }

    @Override
    public void play(ScenarioRun run) throws Exception {
        ClientSide s = run.client(BothStrategies.GO_1_13, GetConnStrategy.GO_1_13, false);
        s.transport.maxConnsPerHost = MAX_CONNS;

        run.note("requests a and b ask for connections: each dials one of the two the host may have");
        ClientSide.Call a = s.start("a");
        a.await(GOT_CONN); // so that a has conn 1 before b dials conn 2
        ClientSide.Call b = s.start("b");
        a.response();
        b.response();

        run.note("a and b hold their connections; c, d and e ask in turn and wait for a dial slot");
        List<ClientSide.Call> waiters = new ArrayList<>();
        for (String name : List.of("c", "d", "e")) {
            ClientSide.Call w = s.start(name);
            w.await(WAIT_FOR_SLOT);
            waiters.add(w);
        }
        ClientSide.Call c = waiters.get(0), d = waiters.get(1), e = waiters.get(2);

        run.note("a reads its body to the end: its connection goes to c, the oldest waiter");
        a.finish();
        c.await(GOT_CONN);
        c.response(); // served before d asks the server anything
        run.note("b reads its body: its connection goes to d");
        b.finish();
        d.await(GOT_CONN);
        d.response();
        run.note("c reads its body: its connection goes to e, the last waiter");
        c.finish();
        e.await(GOT_CONN);
        e.response();

        run.note("d and e read their bodies: both connections wait in the idle pool");
        d.finish();
        s.await(PUT_IDLE_CONN, d.id);
        e.finish();
        s.await(PUT_IDLE_CONN, e.id);
        run.note("the transport dialed " + s.transport.dialCount() + " times for five requests");
    }
}
