package nethttp.visualizer.scenario;

import static nethttp.event.ClientTraceEvent.Kind.IDLE_WON;
import static nethttp.event.ClientTraceEvent.Kind.LOSER_PARKED;
import static nethttp.event.ClientTraceEvent.Kind.PUT_IDLE_CONN;

import java.util.ArrayList;
import java.util.List;
import nethttp.visualizer.model.Recording;

/** The getConn race won by a connection that becomes idle while the request's own dial is under way. */
final class IdleBeatsDialScenario implements Scenario {
    @Override
    public String id() {
        return "race-idle-wins";
    }

    @Override
    public String title() {
        return "getConn race: an idle conn beats the dial, Go 1.12 vs 1.13";
    }

    @Override
    public String description() {
        return "Two transports, Go 1.12's getConn above and Go 1.13's below, take the same steps. Request b finds no"
                + " idle connection and dials, but its dial is held; meanwhile request a finishes and its connection"
                + " goes straight to b: the idle connection wins. b's dial then ends for nobody and is parked in the"
                + " idle pool, where request c finds it without dialing.";
    }

    /** The moment b is served by a's connection and its own dial has just been parked in the pool. */
    @Override
    public int telling(Recording rec) {
        return ClientSide.afterAll(rec, LOSER_PARKED, 2, Scenario.super.telling(rec));
    }

    @Override
    public void play(ScenarioRun run) throws Exception {
        List<ClientSide> sides = BothStrategies.sides(run);
        List<ClientSide.Call> a = new ArrayList<>(), b = new ArrayList<>(), c = new ArrayList<>();
        List<HeldDialer.Held> dialsOfB = new ArrayList<>();

        run.note("request a asks for a connection: none is idle, so it dials (on both transports)");
        for (ClientSide s : sides) a.add(s.start("a"));
        for (ClientSide s : sides) s.dialer.next().release();
        for (ClientSide.Call x : a) x.response();

        run.note("request a has its response and holds its connection until it reads the body");
        for (ClientSide s : sides) {
            b.add(s.start("b"));
            dialsOfB.add(s.dialer.next());
        }
        run.note("request b finds nothing idle: its dial starts and is held; b waits for the dial or an idle connection");

        run.note("request a reads its body to the end: its connection goes straight to b, the idle connection wins");
        for (ClientSide.Call x : a) x.finish();
        for (ClientSide.Call x : b) x.await(IDLE_WON);

        run.note("b's dial is released: it ends for nobody, and its connection is parked in the idle pool");
        dialsOfB.forEach(HeldDialer.Held::release);
        for (ClientSide s : sides) s.await(LOSER_PARKED, 2);

        run.note("request c takes the parked connection from the pool, without dialing");
        for (ClientSide s : sides) c.add(s.start("c"));
        for (ClientSide.Call x : c) x.response();
        for (ClientSide s : sides) {
            if (s.dialer.anyStarted()) run.note(s.label + ": request c dialed after all");
        }

        run.note("b and c read their bodies: both connections wait in the idle pool");
        for (int i = 0; i < sides.size(); i++) {
            b.get(i).finish();
            sides.get(i).await(PUT_IDLE_CONN, 2);
            c.get(i).finish();
            sides.get(i).await(PUT_IDLE_CONN, 3);
        }
    }
}
