package nethttp.transport;

import static nethttp.transport.LocalServer.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nethttp.event.ClientTraceEvent.Kind;
import nethttp.event.ClientTraceEvent;
import nethttp.event.Event;
import nethttp.event.ThreadEvent;
import nethttp.event.ThreadRole;
import nethttp.event.TraceFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The story of two requests on one connection, as the transport's events tell it. */
@Timeout(30)
class ClientEventsTest {

    @Test
    void twoRequestsOneConnection() throws Exception {
        try (LocalServer s = new LocalServer((w, r) -> w.writeString("hi"))) {
            Transport t = new Transport();
            EventLog log = new EventLog(t.events);
            assertEquals("hi", readAll(t.roundTrip(s.get("/"))));
            assertEquals("hi", readAll(t.roundTrip(s.get("/"))));
            t.closeIdleConnections();
            log.await(e -> e instanceof ThreadEvent te && te.role() == ThreadRole.READ_LOOP && te.kind() == ThreadEvent.Kind.ENDED);
            log.await(e -> e instanceof ThreadEvent te && te.role() == ThreadRole.WRITE_LOOP && te.kind() == ThreadEvent.Kind.ENDED);
            log.await(e -> e instanceof ThreadEvent te && te.role() == ThreadRole.DIAL && te.kind() == ThreadEvent.Kind.ENDED);

            List<Event> all = log.all();
            List<String> first = new java.util.ArrayList<>(steps(all, 1));
            // The dial thread reports its win after it delivered the connection: any time from
            // then on, concurrently with the caller's own steps.
            int won = first.indexOf("DIAL_WON");
            assertTrue(won > first.indexOf("CONNECT_DONE"), first.toString());
            first.remove(won);
            assertEquals(List.of("GET_CONN", "CONNECT_START", "CONNECT_DONE", "GOT_CONN", "WROTE_HEADERS",
                    "WROTE_REQUEST", "GOT_FIRST_RESPONSE_BYTE", "PUT_IDLE_CONN"), first);
            List<String> second = steps(all, 2);
            assertEquals(List.of("GET_CONN", "GOT_CONN", "WROTE_HEADERS", "WROTE_REQUEST", "GOT_FIRST_RESPONSE_BYTE", "PUT_IDLE_CONN"), second);
            ClientTraceEvent got2 = (ClientTraceEvent) all.stream()
                    .filter(e -> e instanceof ClientTraceEvent c && c.request() == 2 && c.kind() == Kind.GOT_CONN).findFirst().orElseThrow();
            assertTrue(got2.detail().startsWith("reused=true wasIdle=true idle="), got2.detail());
            assertEquals(1, got2.conn());
            assertTrue(all.stream().anyMatch(e -> e instanceof ClientTraceEvent c && c.kind() == Kind.CONN_CLOSED
                    && c.detail().equals("http: CloseIdleConnections called")));

            String line = new TraceFormat(got2.nanos()).format(got2);
            assertTrue(line.matches(" +0\\.000 ms  conn 1   client  req 2   got conn: reused=true wasIdle=true idle=.*"), line);
        }
    }

    /** The kinds of one request's events, in order. */
    private static List<String> steps(List<Event> all, long request) {
        return all.stream().filter(e -> e instanceof ClientTraceEvent c && c.request() == request)
                .map(e -> ((ClientTraceEvent) e).kind().name()).toList();
    }
}
