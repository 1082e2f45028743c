package nethttp.visualizer.model;

import nethttp.core.ConnState;
import nethttp.event.ClientTraceEvent;
import nethttp.event.ConnStateEvent;
import nethttp.event.ExchangeEvent;
import nethttp.event.ThreadEvent;
import nethttp.event.ThreadRole;

/**
 * What a clicked element means, in a few sentences, and the chapter that tells it.
 *
 * @param chapter null when no chapter tells it (a bare note)
 */
public record Explanation(String title, String text, Chapter chapter) {

    /** The text as the explanation panel shows it. */
    public String render() {
        return title + "\n\n" + text + (chapter == null ? "" : "\n\nRead more: " + chapter.cite() + ".");
    }

    /** The meaning of a connection state. */
    public static Explanation of(ConnState s) {
        return switch (s) {
            case NEW -> new Explanation("Connection state: new",
                    "The accept loop has handed the socket to a conn-serve thread, and no request has been read"
                            + " yet. The state turns active only when readRequest returns, so a request head that"
                            + " trickles in keeps its connection new. A connection that stays new for 5 seconds"
                            + " counts as idle during a shutdown.",
                    Chapter.CONN_SERVE);
            case ACTIVE -> new Explanation("Connection state: active",
                    "readRequest has returned after reading at least one byte: the handler runs, or the server"
                            + " answers a request it could not read. A graceful shutdown waits for active connections"
                            + " to finish.",
                    Chapter.CONN_SERVE);
            case IDLE -> new Explanation("Connection state: idle",
                    "The response is complete and the connection is kept alive, waiting for the next request"
                            + " (for IdleTimeout, or ReadTimeout when no IdleTimeout is set). Shutdown closes idle"
                            + " connections at once.",
                    Chapter.CONN_SERVE);
            case HIJACKED -> new Explanation("Connection state: hijacked",
                    "A handler took the socket over; the server no longer tracks or closes it.", Chapter.CONN_SERVE);
            case CLOSED -> new Explanation("Connection state: closed",
                    "The server closed the connection: the client asked for it (Connection: close), the response"
                            + " could not be framed for reuse, a read failed or timed out, or the server shut down.",
                    Chapter.CONN_SERVE);
        };
    }

    /** The meaning of a thread of {@code role}, running or parked on {@code on}. */
    public static Explanation of(ThreadRole role, boolean parked, String on) {
        return of(role, parked ? "parked" : "running", on);
    }

    /**
     * The meaning of a thread of {@code role} in {@code threadState}: {@code running},
     * {@code parked} (on {@code on}) or {@code ended}.
     */
    public static Explanation of(ThreadRole role, String threadState, String on) {
        boolean parked = threadState.equals("parked");
        String state = switch (threadState) {
            case "parked" -> " Now parked on \"" + on + "\": " + parkedMeaning(on);
            case "ended" -> " Now ended: the thread has returned and is gone.";
            default -> " Now running.";
        };
        return switch (role) {
            case ACCEPT -> new Explanation("Thread: accept loop",
                    "Go's Server.Serve: waits in accept for the next connection and starts a conn-serve virtual"
                            + " thread for it; a failed accept is retried after a growing pause." + state,
                    Chapter.ACCEPT_LOOP);
            case CONN_SERVE -> new Explanation("Thread: conn-serve",
                    "Go's conn.serve, one virtual thread per connection: reads a request, calls the handler, finishes"
                            + " the response, and loops while the connection can be kept alive." + state,
                    parked && on.startsWith("read request") ? Chapter.READ_REQUEST : Chapter.CONN_SERVE);
            case BACKGROUND_READ -> new Explanation("Thread: background read",
                    "Go's connReader.backgroundRead: while a handler runs and the request body is consumed, it"
                            + " waits for one byte so that a client hang-up ends the request's context (and a"
                            + " pipelined request's first byte is kept for the next read). Go starts one for every"
                            + " request; this library only once the handler looks at its context." + state,
                    Chapter.CONN_SERVE);
            case READ_LOOP -> new Explanation("Thread: client read loop",
                    "Go's persistConn.readLoop, one per client connection: waits for the response to the request"
                            + " in flight, hands it to the caller, then waits until the caller has read the body to"
                            + " its end (the connection goes back to the idle pool) or closed it early (the"
                            + " connection is closed)." + state,
                    Chapter.CLIENT);
            case WRITE_LOOP -> new Explanation("Thread: client write loop",
                    "Go's persistConn.writeLoop, one per client connection: takes the next request handed to the"
                            + " connection, writes its head and body, and reports how the write ended." + state,
                    Chapter.CLIENT);
            case DIAL -> new Explanation("Thread: client dial",
                    "Go's dialConnFor (in Go 1.12, the goroutine started by getConn): opens a TCP connection and"
                            + " starts its read and write loops. Meanwhile the request may be served by a connection"
                            + " that becomes idle first; then this dial loses the getConn race and its connection is"
                            + " parked in the idle pool for the next request." + state,
                    Chapter.GETCONN_RACE);
        };
    }

    /** The meaning of a client connection lane's state ({@link Lanes#CLIENT_STATES}). */
    public static Explanation ofClientConn(String state, String on) {
        return switch (state) {
            case "dialing" -> new Explanation("Client connection: dialing " + on,
                    "A dial thread is opening this connection for a request. Whether that request will use it is"
                            + " not settled: an idle connection may reach the request first.", Chapter.GETCONN_RACE);
            case "in use" -> new Explanation("Client connection: in use by " + on,
                    "A request holds the connection: its head is written, its response read; the connection stays"
                            + " taken until the caller has read the response body to its end.", Chapter.CLIENT);
            case "idle" -> new Explanation("Client connection: idle in the pool" + (on.isEmpty() ? "" : " (" + on + ")"),
                    "The connection waits in the transport's idle pool for its host. The next request to that host"
                            + " takes the most recently used idle connection; a connection that becomes idle while"
                            + " requests wait goes to the oldest of them instead of the pool."
                            + (on.isEmpty() ? "" : " This one was dialed for a request that got another connection"
                                    + " first: the dial lost the getConn race, and its connection was parked here."),
                    on.isEmpty() ? Chapter.CLIENT : Chapter.GETCONN_RACE);
            default -> new Explanation("Client connection: closed" + (on.isEmpty() ? "" : " (" + on + ")"),
                    "The transport closed the connection: the pool was full or emptied, the response could not be"
                            + " followed by another, or the server hung up.", Chapter.CLIENT);
        };
    }

    /** The meaning of a step the client's transport reported. */
    public static Explanation of(ClientTraceEvent e, String source) {
        String who = source + ", request " + Describe.requestName(e.request()) + (e.conn() == 0 ? "" : ", conn " + e.conn());
        String detail = e.detail().isEmpty() ? "" : " (" + e.detail() + ")";
        return switch (e.kind()) {
            case GET_CONN -> new Explanation("GetConn: " + who,
                    "The request asks its transport for a connection to " + e.detail() + ": an idle one from the pool,"
                            + " else a new dial, racing a connection that may become idle meanwhile.",
                    Chapter.GETCONN_RACE);
            case GOT_CONN -> new Explanation("GotConn: " + who + detail,
                    "The request has its connection. reused: the connection served a request before; wasIdle: it"
                            + " was taken from the idle pool.", Chapter.CLIENT);
            case PUT_IDLE_CONN -> new Explanation("PutIdleConn: " + who + detail,
                    e.detail().isEmpty()
                            ? "The response body was read to its end: the connection is offered for reuse, to the"
                                    + " oldest request waiting for one, else to the idle pool (most recently used first)."
                            : "The connection could not be kept for reuse, and is closed.",
                    Chapter.CLIENT);
            case IDLE_WON -> new Explanation("The getConn race: the idle connection won (" + who + ")",
                    "This request was waiting, for its own dial or for permission to dial, when another request"
                            + " finished with its connection, which was handed straight to it. A dial of its still under"
                            + " way goes on for nobody: when it ends, its connection is parked in the idle pool.",
                    Chapter.GETCONN_RACE);
            case DIAL_WON -> new Explanation("The getConn race: the dial won (" + who + ")",
                    "This request's own dial finished before any connection became idle: the request uses the new"
                            + " connection.", Chapter.GETCONN_RACE);
            case LOSER_PARKED -> new Explanation("A lost dial's connection is parked (" + who + ")",
                    "The dial ended after its request had been served by another connection. Rather than waste the"
                            + " new connection, the transport puts it in the idle pool, where the next request finds it.",
                    Chapter.GETCONN_RACE);
            case LOSER_CLOSED -> new Explanation("A lost dial's connection is closed (" + who + ")" + detail,
                    "The dial lost its race and the pool could not take its connection.", Chapter.GETCONN_RACE);
            case WAIT_FOR_SLOT -> new Explanation("Waiting for a dial slot: " + who,
                    "The host already has MaxConnsPerHost connections, dialing, in use or idle: the request may not"
                            + " dial. It waits, oldest first, for a connection to become idle or to close.",
                    Chapter.GETCONN_RACE);
            case CONNECT_START, CONNECT_DONE -> new Explanation("Dial " + (e.kind() == ClientTraceEvent.Kind.CONNECT_START
                    ? "started" : "done") + ": " + who + detail,
                    "A TCP connection to the host is being opened by the transport's dialer.", Chapter.GETCONN_RACE);
            case CONN_CLOSED -> new Explanation("Client connection closed: " + who + detail,
                    "The transport closed the connection; its read and write loops end.", Chapter.CLIENT);
            default -> new Explanation(Describe.clientKind(e.kind()) + ": " + who + detail,
                    "A step of the round trip on its connection, as Go's httptrace hooks report it.", Chapter.CLIENT);
        };
    }

    private static String parkedMeaning(String on) {
        if (on.startsWith("read request")) return "waiting for the bytes of a request head (ReadHeaderTimeout bounds the wait).";
        if (on.startsWith("idle")) return "kept alive, waiting for the first byte of the next request (IdleTimeout).";
        if (on.startsWith("read next byte")) return "watching the socket while the handler runs.";
        if (on.startsWith("accept")) return "waiting for a client to connect.";
        if (on.startsWith("next request")) return "waiting for the next request handed to this connection.";
        if (on.startsWith("response body read")) return "waiting for the caller to finish reading the response body.";
        if (on.startsWith("response")) return "waiting for the server's response to the request in flight.";
        if (on.startsWith("100 continue")) return "waiting for 100 Continue before sending the body.";
        return "blocked until it can go on.";
    }

    /** The meaning of a step of an exchange. */
    public static Explanation of(ExchangeEvent.Kind kind, String detail) {
        return switch (kind) {
            case REQUEST_READ -> new Explanation("Request read: " + detail,
                    "readRequest parsed the request line and header fields; the body, if any, is read by the handler"
                            + " through the request's body stream.", Chapter.READ_REQUEST);
            case RESPONSE_HEADER -> new Explanation("Response header: " + detail,
                    "The status line and header fields were put in the write buffer, with the framing the server"
                            + " chose: Content-Length when the handler finished early, chunked otherwise.",
                    Chapter.WRITING);
            case RESPONSE_DONE -> new Explanation("Response done: " + detail,
                    "The handler returned and finishRequest flushed the response; then the server decides whether"
                            + " the connection can serve another request.", Chapter.WRITING);
            case REQUEST_REJECTED -> new Explanation("Request rejected: " + detail,
                    "The request could not be read: the server answers with Go's exact error reply and closes"
                            + " the connection.", Chapter.READ_REQUEST);
        };
    }

    /** The meaning of any happening, as the event log explains it. */
    public static Explanation of(Happening h) {
        return switch (h) {
            case LibraryEvent le when le.event() instanceof ConnStateEvent s -> of(s.state());
            case LibraryEvent le when le.event() instanceof ThreadEvent t -> of(t.role(), switch (t.kind()) {
                case PARKED -> "parked";
                case ENDED -> "ended";
                case STARTED, RUNNING -> "running";
            }, t.on());
            case LibraryEvent le when le.event() instanceof ExchangeEvent x -> of(x.kind(), x.detail());
            case LibraryEvent le when le.event() instanceof ClientTraceEvent c -> of(c, le.source());
            case LibraryEvent le -> new Explanation("Event", le.event().toString(), null);
            case WireBytes w -> new Explanation("Bytes on the wire " + w.direction().arrow() + " " + w.bytes().length() + " bytes",
                    (w.direction() == WireBytes.Direction.TO_SERVER ? "The client wrote:" : "The client read:") + "\n"
                            + Describe.printable(w.bytes(), 2000).replace("\\n", "\\n\n"),
                    w.direction() == WireBytes.Direction.TO_SERVER ? Chapter.READ_REQUEST : Chapter.WRITING);
            case Note n -> new Explanation("Note", n.text(), n.text().contains("hutdown") || n.text().contains("imeout")
                    ? Chapter.TIMEOUTS : null);
        };
    }
}
