package nethttp.visualizer.model;

import nethttp.core.ConnState;
import nethttp.event.ConnStateEvent;
import nethttp.event.ExchangeEvent;
import nethttp.event.ThreadEvent;
import nethttp.event.ThreadRole;

/**
 * What a clicked element means, in a few sentences, and the chapter that tells it.
 *
 * @param chapter null when no chapter tells it yet (the client's threads)
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
        String state = parked ? " Now parked on \"" + on + "\": " + parkedMeaning(on) : " Now running.";
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
                            + " waits for one byte so that a client hang-up is noticed (and a pipelined request's"
                            + " first byte is kept for the next read)." + state,
                    Chapter.CONN_SERVE);
            case READ_LOOP, WRITE_LOOP, DIAL -> new Explanation("Thread: client " + Describe.roleName(role),
                    "A thread of the client's Transport." + state, null);
        };
    }

    private static String parkedMeaning(String on) {
        if (on.startsWith("read request")) return "waiting for the bytes of a request head (ReadHeaderTimeout bounds the wait).";
        if (on.startsWith("idle")) return "kept alive, waiting for the first byte of the next request (IdleTimeout).";
        if (on.startsWith("read next byte")) return "watching the socket while the handler runs.";
        if (on.startsWith("accept")) return "waiting for a client to connect.";
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
            case LibraryEvent le when le.event() instanceof ThreadEvent t ->
                    of(t.role(), t.kind() == ThreadEvent.Kind.PARKED, t.on());
            case LibraryEvent le when le.event() instanceof ExchangeEvent x -> of(x.kind(), x.detail());
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
