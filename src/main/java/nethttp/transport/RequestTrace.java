package nethttp.transport;

import java.io.IOException;
import java.time.Duration;
import nethttp.event.ClientTraceEvent.Kind;
import nethttp.event.ClientTraceEvent;
import nethttp.event.EventBus;
import nethttp.getconn.ConnTrace;
import nethttp.httptrace.ClientTrace;

/**
 * One round trip's reporting: the caller's {@link ClientTrace} hooks, if any, and the
 * transport's {@link EventBus}, fed from the same places so that the two never disagree.
 * Each method is named for what happened, so a call site is one line such as
 * {@code trace.gotConn(pc, info)}; with no hook and no listener it allocates nothing.
 */
final class RequestTrace implements ConnTrace<PersistConn> {
    final long request;
    private final ClientTrace hooks;
    private final EventBus bus;

    RequestTrace(long request, ClientTrace hooks, EventBus bus) {
        this.request = request;
        this.hooks = hooks;
        this.bus = bus;
    }

    /** Whether anyone wants to hear about written headers, so the hook need not be passed otherwise. */
    boolean wantsWroteHeaders() {
        return (hooks != null && hooks.wroteHeaders != null) || bus.active();
    }

    @Override
    public void getConn(String addr) {
        if (hooks != null && hooks.getConn != null) hooks.getConn.accept(addr);
        emit(0, Kind.GET_CONN, addr);
    }

    @Override
    public void gotConn(PersistConn pc, ClientTrace.GotConnInfo info) {
        if (hooks != null && hooks.gotConn != null) hooks.gotConn.accept(info);
        if (bus.active()) {
            String idle = info.wasIdle() ? " idle=" + millis(info.idleTime()) : "";
            emit(pc.id, Kind.GOT_CONN, "reused=" + info.reused() + " wasIdle=" + info.wasIdle() + idle);
        }
    }

    void putIdleConn(PersistConn pc, IOException err) {
        if (hooks != null && hooks.putIdleConn != null) hooks.putIdleConn.accept(err);
        emit(pc.id, Kind.PUT_IDLE_CONN, err == null ? "" : err.getMessage());
    }

    void connectStart(long conn, String addr) {
        if (hooks != null && hooks.connectStart != null) hooks.connectStart.accept("tcp", addr);
        emit(conn, Kind.CONNECT_START, addr);
    }

    void connectDone(long conn, String addr, IOException err) {
        if (hooks != null && hooks.connectDone != null) hooks.connectDone.accept("tcp", addr, err);
        emit(conn, Kind.CONNECT_DONE, err == null ? addr : addr + ": " + err.getMessage());
    }

    void wroteHeaders(long conn) {
        if (hooks != null && hooks.wroteHeaders != null) hooks.wroteHeaders.run();
        emit(conn, Kind.WROTE_HEADERS, "");
    }

    void wroteRequest(long conn, IOException err) {
        if (hooks != null && hooks.wroteRequest != null) hooks.wroteRequest.accept(err);
        emit(conn, Kind.WROTE_REQUEST, err == null ? "" : err.getMessage());
    }

    void gotFirstResponseByte(long conn) {
        if (hooks != null && hooks.gotFirstResponseByte != null) hooks.gotFirstResponseByte.run();
        emit(conn, Kind.GOT_FIRST_RESPONSE_BYTE, "");
    }

    void got100Continue(long conn) {
        if (hooks != null && hooks.got100Continue != null) hooks.got100Continue.run();
        emit(conn, Kind.GOT_100_CONTINUE, "");
    }

    // Steps that Go's hooks have no name for: waits, and how a race for a connection ended.

    /** The request waits for the host's connection limit to let it dial. */
    @Override
    public void waitForSlot(String addr) {
        emit(0, Kind.WAIT_FOR_SLOT, addr);
    }

    /** The request got an idle connection while its own dial was still under way. */
    @Override
    public void idleWon(PersistConn pc) {
        emit(pc.id, Kind.IDLE_WON, "");
    }

    /** The request got the connection it dialed for itself. */
    @Override
    public void dialWon(PersistConn pc) {
        emit(pc.id, Kind.DIAL_WON, "");
    }

    /** A connection dialed for this request, which no longer wants it, went to the idle pool. */
    void loserParked(PersistConn pc) {
        emit(pc.id, Kind.LOSER_PARKED, "");
    }

    /** A connection dialed for this request, which no longer wants it, was closed: {@code why}. */
    void loserClosed(PersistConn pc, IOException why) {
        emit(pc.id, Kind.LOSER_CLOSED, why.getMessage());
    }

    /** A connection of the transport whose events are {@code bus} was closed: {@code why}. */
    static void connClosed(EventBus bus, PersistConn pc, IOException why) {
        if (bus.active()) {
            String detail = why.getMessage();
            bus.emit(new ClientTraceEvent(System.nanoTime(), pc.id, 0, Kind.CONN_CLOSED, detail));
        }
    }

    private void emit(long conn, Kind kind, String detail) {
        if (bus.active()) bus.emit(new ClientTraceEvent(System.nanoTime(), conn, request, kind, detail));
    }

    private static String millis(Duration d) {
        return d == null ? "0ms" : String.format("%.3fms", d.toNanos() / 1e6);
    }
}
