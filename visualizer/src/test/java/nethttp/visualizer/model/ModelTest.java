package nethttp.visualizer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import nethttp.core.ConnState;
import nethttp.event.ThreadRole;
import org.junit.jupiter.api.Test;

class ModelTest {

    @Test
    void theStateAtAStepReflectsExactlyTheEventsBeforeIt() {
        Recording rec = Synthetic.servers(1, 2);
        Model m = Model.of(rec);
        // 1 wire, NEW, STARTED, PARKED: the connection is new and its thread waits for a request.
        ViewState s4 = m.stateAt(4);
        assertEquals(ConnState.NEW, s4.conns().get(1L).state());
        ViewState.ThreadView serve = s4.threads().get(1001L);
        assertTrue(serve.parked());
        assertEquals("read request", serve.on());
        assertEquals(new ViewState.Traffic(27, 0), s4.trafficOf(s4.conns().get(1L)));
        // Then RUNNING, ACTIVE, REQUEST_READ, and a background read starts.
        ViewState s8 = m.stateAt(8);
        assertEquals(ConnState.ACTIVE, s8.conns().get(1L).state());
        assertEquals(1, s8.conns().get(1L).requests());
        assertEquals(ThreadRole.BACKGROUND_READ, s8.threads().get(100_001L).role());
        // After the first exchange the connection idles and the background read has ended.
        ViewState s15 = m.stateAt(15);
        assertEquals(ConnState.IDLE, s15.conns().get(1L).state());
        assertNull(s15.threads().get(100_001L));
        ViewState end = m.stateAt(m.size());
        assertEquals(ConnState.CLOSED, end.conns().get(1L).state());
        assertTrue(end.threads().isEmpty());
    }

    @Test
    void everyPositionEqualsTheFoldFromNothingGoingForwardsOrBackwards() {
        Recording rec = Synthetic.servers(7, 5);
        Model m = Model.of(rec);
        for (int p = m.size(); p >= 0; p--) assertEquals(Synthetic.fold(rec, p), m.stateAt(p), "position " + p);
        for (int p = 0; p <= m.size(); p++) assertEquals(Synthetic.fold(rec, p), m.stateAt(p), "position " + p);
    }

    @Test
    void twoHundredConnectionsAndTenThousandEventsAreReachedByIndex() {
        Recording rec = Synthetic.servers(200, 4);
        assertTrue(rec.happenings().size() >= 10_000, "size " + rec.happenings().size());
        Model m = Model.of(rec);
        // 200 connection lanes, a conn-serve lane and one shared background-read lane for each.
        assertEquals(600, m.lanes().all().size());
        Random r = new Random(42);
        for (int i = 0; i < 300; i++) {
            int p = r.nextInt(m.size() + 1);
            assertEquals(Synthetic.fold(rec, p), m.stateAt(p), "position " + p);
        }
        assertEquals(200, m.stateAt(m.size()).conns().size());
    }

    @Test
    void aLaneShowsTheChangeInForceAtAPosition() {
        Model m = Model.of(Synthetic.servers(1, 1));
        Lanes.Lane conn = m.lanes().all().stream().filter(l -> l.kind() == Lanes.Kind.CONN).findFirst().orElseThrow();
        assertEquals("conn 1", conn.label());
        assertNull(conn.changeAt(1)); // only the early wire bytes so far
        assertEquals("new", conn.changeAt(2).state());
        assertEquals("active", conn.changeAt(7).state());
        assertEquals("idle", conn.changeAt(15).state());
        assertEquals(1, conn.wire().stream().filter(w -> w.index() == 0).count(), "bytes sent before accept belong to the lane");
        List<Lanes.Lane> visible = m.lanes().visibleAt(2);
        assertEquals(List.of("conn 1"), visible.stream().map(Lanes.Lane::label).toList());
    }

    @Test
    void positionsOutsideTheRecordingAreRefused() {
        Model m = Model.of(Synthetic.servers(1, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> m.stateAt(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> m.stateAt(m.size() + 1));
        assertFalse(m.stateAt(0).conns().containsKey(1L));
    }

    @Test
    void breakOnIdleMatchesOnlyIdleStates() {
        Recording rec = Synthetic.servers(1, 1);
        long idles = rec.happenings().stream().filter(BreakOn.CONN_IDLE::matches).count();
        assertEquals(1, idles);
        assertTrue(rec.happenings().stream().noneMatch(BreakOn.NOTHING::matches));
    }
}
