package nethttp.visualizer.scenario;

import static nethttp.event.ClientTraceEvent.Kind.CONNECT_START;
import static nethttp.event.ClientTraceEvent.Kind.DIAL_WON;
import static nethttp.event.ClientTraceEvent.Kind.GOT_CONN;
import static nethttp.event.ClientTraceEvent.Kind.IDLE_WON;
import static nethttp.event.ClientTraceEvent.Kind.LOSER_PARKED;
import static nethttp.event.ClientTraceEvent.Kind.PUT_IDLE_CONN;
import static nethttp.event.ClientTraceEvent.Kind.WAIT_FOR_SLOT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nethttp.core.ConnState;
import nethttp.event.ClientTraceEvent;
import nethttp.event.ExchangeEvent;
import nethttp.visualizer.model.ChromeTraceAccess;
import nethttp.visualizer.model.ClientView;
import nethttp.visualizer.model.Describe;
import nethttp.visualizer.model.Happening;
import nethttp.visualizer.model.LibraryEvent;
import nethttp.visualizer.model.Model;
import nethttp.visualizer.model.Recording;
import nethttp.visualizer.model.RecordingFile;
import nethttp.visualizer.model.ViewState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client scenarios, run for real with the library's Transport against the embedded server,
 * tell the stories they promise; the pool and queue views show the right contents at the steps
 * that matter; and their recordings replay and export exactly.
 */
class ClientScenariosTest {
    private static final List<String> BOTH = List.of("go1.12", "go1.13");
    private static Recording idleWins, dialWins, maxConns;

    @BeforeAll
    static void recordOnce() throws Exception {
        idleWins = record("race-idle-wins");
        dialWins = record("race-dial-wins");
        maxConns = record("max-conns-per-host");
    }

    private static Recording record(String id) throws Exception {
        Recording rec = Scenarios.byId(id).orElseThrow().record(h -> {});
        if (System.getProperty("visualizer.dump") != null) {
            long t0 = rec.happenings().get(0).nanos();
            rec.happenings().forEach(h -> System.out.println(Describe.line(h, t0)));
        }
        return rec;
    }

    private static ClientTraceEvent client(Happening h, String source) {
        return h instanceof LibraryEvent le && le.source().equals(source) && le.event() instanceof ClientTraceEvent c ? c : null;
    }

    /** The events of {@code kind} that transport {@code source} reported, in order. */
    private static List<ClientTraceEvent> steps(Recording rec, String source, ClientTraceEvent.Kind kind) {
        return rec.happenings().stream().map(h -> client(h, source)).filter(c -> c != null && c.kind() == kind).toList();
    }

    /** The position just after the first event of {@code kind} for {@code request} of {@code source}. */
    private static int after(Recording rec, String source, ClientTraceEvent.Kind kind, long request) {
        List<Happening> hs = rec.happenings();
        for (int i = 0; i < hs.size(); i++) {
            ClientTraceEvent c = client(hs.get(i), source);
            if (c != null && c.kind() == kind && c.request() == request) return i + 1;
        }
        throw new AssertionError(source + " never reported " + kind + " for request " + request);
    }

    /** The transport's view at a position; it talks to one host only. */
    private static ClientView clientAt(Recording rec, int position, String source) {
        return Model.of(rec).stateAt(position).clients().get(source);
    }

    private static String host(ClientView v) {
        return v.requestHost().values().iterator().next();
    }

    private static void assertQuiet(Recording rec) {
        ViewState end = Model.of(rec).stateAt(rec.happenings().size());
        assertTrue(end.threads().isEmpty(), "threads left: " + end.threads());
        end.conns().values().forEach(c -> assertEquals(ConnState.CLOSED, c.state(), "conn " + c.id()));
    }

    @Test
    void theIdleConnectionBeatsTheDialAndTheLoserIsParkedThenReused() {
        for (String side : BOTH) {
            assertEquals(List.of(2L), steps(idleWins, side, IDLE_WON).stream().map(ClientTraceEvent::request).toList(), side);
            assertEquals(1, steps(idleWins, side, IDLE_WON).get(0).conn(), side + ": b got a's connection");
            List<ClientTraceEvent> parked = steps(idleWins, side, LOSER_PARKED);
            assertEquals(1, parked.size(), side);
            assertEquals(2, parked.get(0).conn(), side + ": b's own dial was parked");
            ClientTraceEvent gotC = steps(idleWins, side, GOT_CONN).stream().filter(c -> c.request() == 3).findFirst().orElseThrow();
            assertEquals(2, gotC.conn(), side + ": c took the parked connection");
            assertTrue(gotC.detail().contains("wasIdle=true"), gotC.detail());
            assertEquals(2, steps(idleWins, side, CONNECT_START).size(), side + ": c did not dial");
        }
        assertQuiet(idleWins);
    }

    @Test
    void duringTheIdleRaceThePoolAndQueuesShowWhoWaitsAndWhatIsIdle() {
        for (String side : BOTH) {
            ClientView dialingForB = clientAt(idleWins, after(idleWins, side, CONNECT_START, 2), side);
            String host = host(dialingForB);
            assertEquals(List.of(2L), dialingForB.waitingIdleOf(host), side + ": b waits for a connection");
            assertEquals(Map.of(2L, 2L), dialingForB.dialing(), side + ": conn 2 is dialed for b");
            assertEquals(Map.of(1L, 1L), dialingForB.inUse(), side + ": a holds conn 1");
            assertEquals(List.of(), dialingForB.idleOf(host));

            ClientView won = clientAt(idleWins, after(idleWins, side, IDLE_WON, 2), side);
            assertEquals(List.of(), won.waitingIdleOf(host), side);
            assertEquals(Map.of(1L, 2L), won.inUse(), side + ": b now holds conn 1");
            assertEquals(List.of(), won.idleOf(host), side + ": the handed-over connection never sat in the pool");

            assertEquals(List.of(2L), clientAt(idleWins, after(idleWins, side, LOSER_PARKED, 2), side).idleOf(host), side);
            assertEquals(List.of(2L, 1L), clientAt(idleWins, after(idleWins, side, PUT_IDLE_CONN, 3), side).idleOf(host),
                    side + ": c's conn 2 was used last, so it comes first");
        }
    }

    @Test
    void theDialWinsAndThePoolHandsOutItsMostRecentlyUsedConnection() {
        for (String side : BOTH) {
            assertEquals(List.of(1L, 2L), steps(dialWins, side, DIAL_WON).stream().map(ClientTraceEvent::request).toList(), side);
            assertEquals(List.of(), steps(dialWins, side, IDLE_WON), side);
            assertEquals(List.of(), steps(dialWins, side, LOSER_PARKED), side);
            int bothIdle = after(dialWins, side, PUT_IDLE_CONN, 2);
            ClientView v = clientAt(dialWins, bothIdle, side);
            assertEquals(List.of(2L, 1L), v.idleOf(host(v)), side + ": b's conn 2 went idle last");
            ClientTraceEvent gotC = steps(dialWins, side, GOT_CONN).stream().filter(c -> c.request() == 3).findFirst().orElseThrow();
            assertEquals(2, gotC.conn(), side + ": c takes the most recently used");
            ClientView taken = clientAt(dialWins, after(dialWins, side, GOT_CONN, 3), side);
            assertEquals(List.of(1L), taken.idleOf(host(taken)), side);
        }
        assertQuiet(dialWins);
    }

    @Test
    void maxConnsPerHostDialsTwiceAndServesTheWaitersOldestFirst() {
        String side = "go1.13";
        assertEquals(2, steps(maxConns, side, CONNECT_START).size(), "at most two dials");
        assertEquals(List.of(3L, 4L, 5L), steps(maxConns, side, WAIT_FOR_SLOT).stream().map(ClientTraceEvent::request).toList());
        List<ClientTraceEvent> got = steps(maxConns, side, GOT_CONN);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), got.stream().map(ClientTraceEvent::request).toList(), "FIFO");
        for (ClientTraceEvent g : got.subList(2, 5)) assertTrue(g.detail().contains("reused=true"), g.detail());
        List<String> served = maxConns.happenings().stream()
                .filter(h -> h instanceof LibraryEvent le && le.event() instanceof ExchangeEvent x && x.kind() == ExchangeEvent.Kind.REQUEST_READ)
                .map(h -> ((ExchangeEvent) ((LibraryEvent) h).event()).detail()).toList();
        assertEquals(Set.of("GET /echo?req=a HTTP/1.1", "GET /echo?req=b HTTP/1.1"), Set.copyOf(served.subList(0, 2)));
        assertEquals(List.of("GET /echo?req=c HTTP/1.1", "GET /echo?req=d HTTP/1.1", "GET /echo?req=e HTTP/1.1"), served.subList(2, 5));

        ClientView queued = clientAt(maxConns, after(maxConns, side, WAIT_FOR_SLOT, 5), side);
        String host = host(queued);
        assertEquals(List.of(3L, 4L, 5L), queued.waitingSlotOf(host));
        assertEquals(List.of(3L, 4L, 5L), queued.waitingIdleOf(host));
        assertEquals(2, queued.inUse().size());
        ClientView cServed = clientAt(maxConns, after(maxConns, side, GOT_CONN, 3), side);
        assertEquals(List.of(4L, 5L), cServed.waitingSlotOf(host));
        assertEquals(List.of(4L, 5L), cServed.waitingIdleOf(host));
        ClientView end = clientAt(maxConns, after(maxConns, side, PUT_IDLE_CONN, 5), side);
        assertEquals(List.of(got.get(4).conn(), got.get(3).conn()), end.idleOf(host), "e's connection was used last");
        assertQuiet(maxConns);
    }

    @Test
    void aSavedClientRecordingReplaysExactly() throws Exception {
        for (Recording rec : List.of(idleWins, maxConns)) {
            StringWriter w = new StringWriter();
            RecordingFile.write(rec, w);
            assertTrue(w.toString().contains("\tsource=go1.13\n"));
            Recording back = RecordingFile.read(new StringReader(w.toString()));
            assertEquals(rec, back);
            Model a = Model.of(rec), b = Model.of(back);
            for (int p = 0; p <= rec.happenings().size(); p++) assertEquals(a.stateAt(p), b.stateAt(p), "step " + p);
            assertEquals(a.lanes().all().stream().map(l -> l.label() + l.changes()).toList(),
                    b.lanes().all().stream().map(l -> l.label() + l.changes()).toList());
        }
    }

    @Test
    void theTraceExportHasAProcessPerTransportAndTheClientSteps() throws Exception {
        Model m = Model.of(idleWins);
        List<Map<String, Object>> events = ChromeTraceAccess.export(m);
        Map<Object, Object> processes = events.stream().filter(e -> e.get("name").equals("process_name"))
                .collect(Collectors.toMap(e -> e.get("pid"), e -> ((Map<?, ?>) e.get("args")).get("name")));
        assertEquals(Map.of(1.0, "nethttp threads", 2.0, "nethttp connections", 3.0, "client go1.12", 4.0, "client go1.13"), processes);
        assertEquals(m.lanes().all().size(), events.stream().filter(e -> e.get("name").equals("thread_name")).count());
        for (double pid : List.of(3.0, 4.0)) {
            assertTrue(events.stream().anyMatch(e -> e.get("pid").equals(pid) && e.get("ph").equals("i")
                    && ((String) e.get("name")).equals("req 2 idle won")), "idle won on " + pid);
            assertTrue(events.stream().anyMatch(e -> e.get("pid").equals(pid) && e.get("ph").equals("X")
                    && e.get("name").equals("idle: parked loser")), "the parked loser's span on " + pid);
        }
        for (Map<String, Object> e : events) {
            if (!e.get("ph").equals("M")) assertInstanceOf(Double.class, e.get("ts"), e.toString());
        }
    }
}
