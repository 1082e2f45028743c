package nethttp.visualizer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nethttp.event.ClientTraceEvent;
import nethttp.event.ClientTraceEvent.Kind;
import org.junit.jupiter.api.Test;

/** The client's pool and queues, and its lanes, derived from hand-written event sequences. */
class ClientPoolTest {
    private static final String HOST = "127.0.0.1:8080";
    private final List<Happening> events = new ArrayList<>();

    private void add(String source, long conn, long request, Kind kind, String detail) {
        events.add(new LibraryEvent(new ClientTraceEvent(1000 + events.size(), conn, request, kind, detail), source));
    }

    private void add(long conn, long request, Kind kind, String detail) {
        add("t", conn, request, kind, detail);
    }

    private ClientView end() {
        return Model.of(new Recording("test", events)).stateAt(events.size()).clients().get("t");
    }

    /** Request 1 dials conn 1 and gets it. */
    private void firstRequestDials() {
        add(0, 1, Kind.GET_CONN, HOST);
        add(1, 1, Kind.CONNECT_START, HOST);
        add(1, 1, Kind.CONNECT_DONE, HOST);
        add(1, 1, Kind.GOT_CONN, "reused=false wasIdle=false");
        add(1, 1, Kind.DIAL_WON, "");
    }

    @Test
    void aHandOverReportedBeforeThePutDoesNotLeaveTheConnectionInThePool() {
        firstRequestDials();
        add(0, 2, Kind.GET_CONN, HOST);
        add(1, 2, Kind.GOT_CONN, "reused=true wasIdle=false"); // the waiter's thread spoke first
        add(1, 1, Kind.PUT_IDLE_CONN, "");
        ClientView v = end();
        assertEquals(List.of(), v.idleOf(HOST));
        assertEquals(Map.of(1L, 2L), v.inUse());
        assertEquals(List.of("in use"), states(1).subList(states(1).size() - 1, states(1).size()));
    }

    @Test
    void inTheUsualOrderThePutPoolsTheConnectionUntilTheNextGotConn() {
        firstRequestDials();
        add(1, 1, Kind.PUT_IDLE_CONN, "");
        assertEquals(List.of(1L), end().idleOf(HOST));
        add(0, 2, Kind.GET_CONN, HOST);
        assertEquals(List.of(2L), end().waitingIdleOf(HOST));
        add(1, 2, Kind.GOT_CONN, "reused=true wasIdle=true idle=1.000ms");
        assertEquals(List.of(), end().idleOf(HOST));
        assertEquals(List.of(), end().waitingIdleOf(HOST));
        assertEquals(List.of("dialing", "in use", "idle", "in use"), states(1));
    }

    @Test
    void aPutWithAReasonPoolsNothingAndAClosedConnectionLeavesThePool() {
        firstRequestDials();
        add(1, 1, Kind.PUT_IDLE_CONN, "http: CloseIdleConnections called");
        assertEquals(List.of(), end().idleOf(HOST));
        assertEquals(Map.of(), end().inUse());
        events.remove(events.size() - 1);
        add(1, 1, Kind.PUT_IDLE_CONN, "");
        add(1, 0, Kind.CONN_CLOSED, "http: CloseIdleConnections called");
        assertEquals(List.of(), end().idleOf(HOST));
        assertEquals(List.of("dialing", "in use", "idle", "closed"), states(1));
    }

    @Test
    void slotWaitersLeaveTheQueueWhenTheyDialOrGetAConnection() {
        firstRequestDials();
        add(0, 2, Kind.GET_CONN, HOST);
        add(0, 2, Kind.WAIT_FOR_SLOT, HOST);
        add(0, 3, Kind.GET_CONN, HOST);
        add(0, 3, Kind.WAIT_FOR_SLOT, HOST);
        assertEquals(List.of(2L, 3L), end().waitingSlotOf(HOST));
        add(2, 2, Kind.CONNECT_START, HOST);
        assertEquals(List.of(3L), end().waitingSlotOf(HOST));
        assertEquals(List.of(2L, 3L), end().waitingIdleOf(HOST), "a dialing request still takes an idle connection");
        add(1, 3, Kind.GOT_CONN, "reused=true wasIdle=false");
        assertEquals(List.of(), end().waitingSlotOf(HOST));
        assertEquals(List.of(2L), end().waitingIdleOf(HOST));
    }

    @Test
    void twoTransportsNumberingAlikeKeepApartByTheirLabels() throws Exception {
        add("go1.12", 0, 1, Kind.GET_CONN, HOST);
        add("go1.12", 1, 1, Kind.CONNECT_START, HOST);
        add("go1.13", 0, 1, Kind.GET_CONN, HOST);
        add("go1.13", 1, 1, Kind.CONNECT_START, HOST);
        add("go1.13", 1, 1, Kind.GOT_CONN, "reused=false wasIdle=false");
        Model m = Model.of(new Recording("test", events));
        ViewState s = m.stateAt(events.size());
        assertEquals(Map.of(1L, 1L), s.clients().get("go1.12").dialing());
        assertEquals(Map.of(1L, 1L), s.clients().get("go1.13").inUse());
        assertEquals(List.of("go1.12 conn 1", "go1.13 conn 1"), m.lanes().all().stream().map(Lanes.Lane::label).toList());

        StringWriter w = new StringWriter();
        RecordingFile.write(m.toRecording(), w);
        assertTrue(w.toString().contains("\tkind=GET_CONN\tdetail=" + HOST + "\tsource=go1.12\n"), w.toString());
        assertEquals(m.toRecording(), RecordingFile.read(new StringReader(w.toString())));
    }

    private List<String> states(long conn) {
        Model m = Model.of(new Recording("test", events));
        return m.lanes().all().stream().filter(l -> l.kind() == Lanes.Kind.CLIENT_CONN && l.conn() == conn)
                .flatMap(l -> l.changes().stream()).map(Lanes.Change::state).toList();
    }
}
