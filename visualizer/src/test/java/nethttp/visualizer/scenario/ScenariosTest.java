package nethttp.visualizer.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import nethttp.core.ConnState;
import nethttp.event.ConnStateEvent;
import nethttp.event.ExchangeEvent;
import nethttp.event.ThreadEvent;
import nethttp.event.ThreadRole;
import nethttp.visualizer.model.Describe;
import nethttp.visualizer.model.Happening;
import nethttp.visualizer.model.LibraryEvent;
import nethttp.visualizer.model.Model;
import nethttp.visualizer.model.Note;
import nethttp.visualizer.model.Recording;
import nethttp.visualizer.model.ViewState;
import nethttp.visualizer.model.WireBytes;
import org.junit.jupiter.api.Test;

/** Each scenario, run for real against the embedded server, records what it promises to show. */
class ScenariosTest {

    private static Recording record(String id) throws Exception {
        Recording rec = Scenarios.byId(id).orElseThrow().record(h -> {});
        if (System.getProperty("visualizer.dump") != null) {
            long t0 = rec.happenings().get(0).nanos();
            rec.happenings().forEach(h -> System.out.println(Describe.line(h, t0)));
        }
        return rec;
    }

    private static List<ConnState> statesOf(Recording rec, long conn) {
        return rec.happenings().stream()
                .filter(h -> h instanceof LibraryEvent le && le.event() instanceof ConnStateEvent s && s.conn() == conn)
                .map(h -> ((ConnStateEvent) ((LibraryEvent) h).event()).state())
                .collect(Collectors.toList());
    }

    private static List<String> exchanges(Recording rec, ExchangeEvent.Kind kind) {
        return rec.happenings().stream()
                .filter(h -> h instanceof LibraryEvent le && le.event() instanceof ExchangeEvent x && x.kind() == kind)
                .map(h -> ((ExchangeEvent) ((LibraryEvent) h).event()).detail())
                .collect(Collectors.toList());
    }

    private static String wire(Recording rec, WireBytes.Direction d) {
        return rec.happenings().stream().filter(h -> h instanceof WireBytes w && w.direction() == d)
                .map(h -> ((WireBytes) h).bytes()).collect(Collectors.joining());
    }

    /** After the whole run the server is quiet: every connection closed, every thread ended. */
    private static void assertQuiet(Recording rec) {
        ViewState end = Model.of(rec).stateAt(rec.happenings().size());
        assertTrue(end.threads().isEmpty(), "threads left: " + end.threads());
        end.conns().values().forEach(c -> assertEquals(ConnState.CLOSED, c.state(), "conn " + c.id()));
    }

    /** Whether something {@code what} matches happens before the scenario's telling moment, the screenshot's step. */
    private static boolean shownAtTellingMoment(String id, Recording rec, java.util.function.Predicate<Happening> what) {
        int at = Scenarios.byId(id).orElseThrow().telling(rec);
        assertTrue(at > 0 && at <= rec.happenings().size(), "telling moment " + at);
        return rec.happenings().subList(0, at).stream().anyMatch(what);
    }

    @Test
    void keepAliveServesFourRequestsOnOneConnection() throws Exception {
        Recording rec = record("keep-alive");
        assertEquals(List.of(ConnState.NEW, ConnState.ACTIVE, ConnState.IDLE, ConnState.ACTIVE, ConnState.IDLE,
                ConnState.ACTIVE, ConnState.IDLE, ConnState.ACTIVE, ConnState.CLOSED), statesOf(rec, 1));
        assertTrue(shownAtTellingMoment("keep-alive", rec, h -> Scenario.closes(h, 1)), "the screenshot shows the close");
        assertEquals(4, exchanges(rec, ExchangeEvent.Kind.REQUEST_READ).size());
        assertTrue(wire(rec, WireBytes.Direction.TO_CLIENT).contains("Transfer-Encoding: chunked"));
        assertQuiet(rec);
    }

    @Test
    void slowlorisIsCutByReadHeaderTimeoutWithoutAReply() throws Exception {
        Recording rec = record("slowloris");
        String toClient = wire(rec, WireBytes.Direction.TO_CLIENT);
        assertEquals(1, toClient.split("HTTP/1.1 200 OK", -1).length - 1, "only client B is answered: " + toClient);
        assertTrue(rec.happenings().stream().anyMatch(h -> h instanceof Note n && n.text().contains("ReadHeaderTimeout")));
        assertEquals(List.of("GET / HTTP/1.1"), exchanges(rec, ExchangeEvent.Kind.REQUEST_READ));
        assertTrue(shownAtTellingMoment("slowloris", rec, h -> Scenario.noteStarting(h, "the server closed client S")),
                "the screenshot shows the cut-off");
        assertQuiet(rec);
    }

    @Test
    void expectContinueIsAnsweredOnlyWhenTheHandlerReads() throws Exception {
        Recording rec = record("expect-continue");
        String toClient = wire(rec, WireBytes.Direction.TO_CLIENT);
        assertEquals(1, toClient.split("HTTP/1.1 100 Continue", -1).length - 1, toClient);
        assertTrue(toClient.contains("HTTP/1.1 404 Not Found"), toClient);
        assertTrue(shownAtTellingMoment("expect-continue", rec, h -> h instanceof WireBytes w
                && w.bytes().contains("404 Not Found")), "the screenshot shows the 404");
        assertTrue(shownAtTellingMoment("expect-continue", rec, h -> Scenario.closes(h, 1)), "and the close that follows it");
        assertEquals(ConnState.CLOSED, statesOf(rec, 1).get(statesOf(rec, 1).size() - 1));
        assertQuiet(rec);
    }

    @Test
    void pipelinedRequestsAreServedInOrderWhileTheBackgroundReadWaits() throws Exception {
        Recording rec = record("pipelining");
        assertEquals(List.of("GET /slow?delay=300 HTTP/1.1", "GET /echo?second=1 HTTP/1.1", "GET /echo?third=1 HTTP/1.1"),
                exchanges(rec, ExchangeEvent.Kind.REQUEST_READ));
        assertTrue(rec.happenings().stream().anyMatch(h -> h instanceof LibraryEvent le && le.event() instanceof ThreadEvent t
                && t.role() == ThreadRole.BACKGROUND_READ && t.kind() == ThreadEvent.Kind.PARKED));
        assertQuiet(rec);
    }

    @Test
    void gracefulShutdownLetsInFlightRequestsFinish() throws Exception {
        Recording rec = record("graceful-shutdown");
        String toClient = wire(rec, WireBytes.Direction.TO_CLIENT);
        assertEquals(2, toClient.split("slow response after 500 ms", -1).length - 1, toClient);
        assertTrue(rec.happenings().stream().anyMatch(h -> h instanceof Note n && n.text().startsWith("Shutdown returned")));
        assertTrue(rec.happenings().stream().anyMatch(h -> h instanceof Note n && n.text().startsWith("client D cannot connect")));
        assertQuiet(rec);
    }

    @Test
    void aThrowingHandlerClosesItsConnectionAndIsLogged() throws Exception {
        Recording rec = record("handler-throws");
        assertTrue(rec.happenings().stream().anyMatch(h -> h instanceof Note n && n.text().contains("http: panic serving")
                && n.text().contains("boom")));
        assertTrue(rec.happenings().stream().anyMatch(h -> h instanceof Note n && n.text().contains("got no response")));
        assertTrue(shownAtTellingMoment("handler-throws", rec, h -> Scenario.noteStarting(h, "server log: http: panic")),
                "the screenshot shows the panic line");
        assertTrue(wire(rec, WireBytes.Direction.TO_CLIENT).contains("Hello from nethttp!"));
        assertQuiet(rec);
    }

    static boolean isNote(Happening h) {
        return h instanceof Note;
    }
}
