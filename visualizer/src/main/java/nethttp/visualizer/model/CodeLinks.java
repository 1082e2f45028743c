package nethttp.visualizer.model;

import nethttp.event.ClientTraceEvent;
import nethttp.event.ConnStateEvent;
import nethttp.event.ExchangeEvent;
import nethttp.event.ThreadEvent;
import nethttp.event.ThreadRole;

/**
 * Which method of the library produced a step or drives a lane: the Java method that mirrors a
 * Go function, found in the packaged sources by its {@code @Mirrors} annotation.
 */
public final class CodeLinks {
    private CodeLinks() {}

    /**
     * A method of the library.
     *
     * @param file    the source file, relative to the library's source root
     * @param goFunc  the Go function it mirrors, as its {@code @Mirrors} names it
     * @param chapter the chapter that tells it
     */
    public record Ref(String file, String goFunc, Chapter chapter) {}

    private static final String SERVER = "nethttp/server/Server.java";
    private static final String CONN = "nethttp/server/Conn.java";
    private static final String CONN_READER = "nethttp/server/ConnReader.java";
    private static final String RESPONSE = "nethttp/server/Response.java";
    private static final String CHUNK_WRITER = "nethttp/server/ChunkWriter.java";
    private static final String PERSIST_CONN = "nethttp/transport/PersistConn.java";
    private static final String IDLE_POOL = "nethttp/getconn/IdlePool.java";
    private static final String TRANSPORT = "nethttp/transport/Transport.java";

    /** The method behind the threads of {@code role}. */
    public static Ref of(ThreadRole role, String source) {
        return switch (role) {
            case ACCEPT -> new Ref(SERVER, "Server.Serve", Chapter.ACCEPT_LOOP);
            case CONN_SERVE -> new Ref(CONN, "conn.serve", Chapter.CONN_SERVE);
            case BACKGROUND_READ -> new Ref(CONN_READER, "connReader.backgroundRead", Chapter.CONN_SERVE);
            case READ_LOOP -> new Ref(PERSIST_CONN, "persistConn.readLoop", Chapter.CLIENT);
            case WRITE_LOOP -> new Ref(PERSIST_CONN, "persistConn.writeLoop", Chapter.CLIENT);
            case DIAL -> source.equals("go1.12") ? getConn(source) : new Ref("nethttp/getconn/GetConnGo113.java",
                    "Transport.dialConnFor", Chapter.GETCONN_RACE);
        };
    }

    /** The getConn of the strategy a transport's label names. */
    private static Ref getConn(String source) {
        return new Ref(source.equals("go1.12") ? "nethttp/getconn/GetConnGo112.java" : "nethttp/getconn/GetConnGo113.java",
                "Transport.getConn", Chapter.GETCONN_RACE);
    }

    /** The method that produced {@code h}; null for a note or bytes, which no method of the library reports. */
    public static Ref of(Happening h) {
        return switch (h) {
            case LibraryEvent le when le.event() instanceof ConnStateEvent -> new Ref(CONN, "conn.setState", Chapter.CONN_SERVE);
            case LibraryEvent le when le.event() instanceof ThreadEvent t -> of(t.role(), le.source());
            case LibraryEvent le when le.event() instanceof ExchangeEvent x -> switch (x.kind()) {
                case REQUEST_READ -> new Ref(CONN, "conn.readRequest", Chapter.READ_REQUEST);
                case RESPONSE_HEADER -> new Ref(CHUNK_WRITER, "chunkWriter.writeHeader", Chapter.WRITING);
                case RESPONSE_DONE -> new Ref(RESPONSE, "response.finishRequest", Chapter.WRITING);
                case REQUEST_REJECTED -> new Ref(CONN, "conn.serve", Chapter.CONN_SERVE);
            };
            case LibraryEvent le when le.event() instanceof ClientTraceEvent c -> of(c, le.source());
            case Note n when n.text().startsWith("server log: http: panic") -> new Ref(CONN, "conn.serve", Chapter.CONN_SERVE);
            default -> null;
        };
    }

    private static Ref of(ClientTraceEvent c, String source) {
        return switch (c.kind()) {
            case GET_CONN, GOT_CONN, IDLE_WON, DIAL_WON, LOSER_PARKED, LOSER_CLOSED -> getConn(source);
            case WAIT_FOR_SLOT -> new Ref("nethttp/getconn/ConnsPerHost.java", "Transport.queueForDial", Chapter.GETCONN_RACE);
            case PUT_IDLE_CONN -> new Ref(IDLE_POOL, "Transport.tryPutIdleConn", Chapter.CLIENT);
            case CONNECT_START, CONNECT_DONE -> new Ref(TRANSPORT, "Transport.dialConn", Chapter.GETCONN_RACE);
            case CONN_CLOSED -> new Ref(PERSIST_CONN, "persistConn.closeLocked", Chapter.CLIENT);
            case WROTE_HEADERS, WROTE_REQUEST -> new Ref(PERSIST_CONN, "persistConn.writeLoop", Chapter.CLIENT);
            case GOT_FIRST_RESPONSE_BYTE, GOT_100_CONTINUE -> new Ref(PERSIST_CONN, "persistConn.readLoop", Chapter.CLIENT);
        };
    }

    /** The method behind a lane in the state that {@code c} set. */
    public static Ref of(Lanes.Lane lane, Lanes.Change c) {
        return switch (lane.kind()) {
            case CONN -> new Ref(CONN, "conn.setState", Chapter.CONN_SERVE);
            case CLIENT_CONN -> switch (c.state()) {
                case "dialing" -> new Ref(TRANSPORT, "Transport.dialConn", Chapter.GETCONN_RACE);
                case "idle" -> new Ref(IDLE_POOL, "Transport.tryPutIdleConn", Chapter.CLIENT);
                case "closed" -> new Ref(PERSIST_CONN, "persistConn.closeLocked", Chapter.CLIENT);
                default -> getConn(lane.source());
            };
            case THREAD -> of(lane.role(), lane.source());
        };
    }
}
