package nethttp.visualizer.scenario;

import static nethttp.event.ClientTraceEvent.Kind.DIAL_WON;
import static nethttp.event.ClientTraceEvent.Kind.GOT_CONN;
import static nethttp.event.ClientTraceEvent.Kind.PUT_IDLE_CONN;

import java.util.ArrayList;
import java.util.List;
import nethttp.visualizer.model.Recording;

/** The getConn race won by the request's own dial; then the pool hands out its most recently used connection. */
final class DialWinsScenario implements Scenario {
    @Override
    public String id() {
        return "race-dial-wins";
    }

    @Override
    public String title() {
        return "getConn race: the dial wins, Go 1.12 vs 1.13";
    }

    @Override
    public String description() {
        return "Two transports, Go 1.12's getConn above and Go 1.13's below, take the same steps. Request b dials"
                + " while request a still holds its connection; b's dial ends first and wins. Then a and b finish:"
                + " both connections go to the idle pool, b's last, so it is the most recently used, and request c"
                + " takes it.";
    }

    /** The moment both connections idle, b's in front. */
    @Override
    public int telling(Recording rec) {
        return ClientSide.afterAll(rec, PUT_IDLE_CONN, 2, Scenario.super.telling(rec));
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

        run.note("request a holds its connection; request b finds nothing idle and its dial starts, held");
        for (ClientSide s : sides) {
            b.add(s.start("b"));
            dialsOfB.add(s.dialer.next());
        }

        run.note("b's dial is released while a still holds its connection: the dial wins");
        dialsOfB.forEach(HeldDialer.Held::release);
        for (ClientSide.Call x : b) {
            x.response();
            x.await(DIAL_WON);
        }

        run.note("a, then b, read their bodies: both connections go to the idle pool, b's in front");
        for (int i = 0; i < sides.size(); i++) {
            a.get(i).finish();
            sides.get(i).await(PUT_IDLE_CONN, 1);
        }
        for (int i = 0; i < sides.size(); i++) {
            b.get(i).finish();
            sides.get(i).await(PUT_IDLE_CONN, 2);
        }

        run.note("request c takes the most recently used idle connection: b's");
        for (ClientSide s : sides) c.add(s.start("c"));
        for (ClientSide.Call x : c) x.await(GOT_CONN);
        for (int i = 0; i < sides.size(); i++) {
            c.get(i).finish();
            sides.get(i).await(PUT_IDLE_CONN, 3);
        }
    }
}
