package nethttp.httptrace;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import nethttp.annotations.Mirrors;
import nethttp.core.Context;

/**
 * Hooks into one request's round trip, Go's {@code httptrace.ClientTrace}: set the fields you
 * care about, attach the trace to the request's context with {@link #withClientTrace}, and the
 * transport calls them as the request passes each step. Unset hooks are skipped.
 *
 * <pre>{@code
 * ClientTrace trace = new ClientTrace();
 * trace.gotConn = info -> System.out.println("reused: " + info.reused());
 * req.context = ClientTrace.withClientTrace(req.context, trace);
 * }</pre>
 *
 * <p>Hooks run on the transport's threads (the caller's, a dial's, a connection's read or write
 * loop), possibly concurrently with each other: they must be quick and thread-safe.
 */
@Mirrors(file = "net/http/httptrace/trace.go", func = "ClientTrace")
public final class ClientTrace {
    /** Before a connection is looked for or dialed, with the {@code host:port} wanted. */
    public Consumer<String> getConn;
    /** After a connection is obtained. */
    public Consumer<GotConnInfo> gotConn;
    /** After a response's body was read: null when the connection went back to the pool, else why not. */
    public Consumer<IOException> putIdleConn;
    /** A dial begins: network and address. */
    public BiConsumer<String, String> connectStart;
    /** A dial ended: network, address, and the error or null. */
    public ConnectDone connectDone;
    /** The request's header was written (the body may follow). */
    public Runnable wroteHeaders;
    /** The whole request was written: null, or the error that stopped it. */
    public Consumer<IOException> wroteRequest;
    /** The first byte of the response header arrived. */
    public Runnable gotFirstResponseByte;
    /** The server answered {@code 100 Continue}. */
    public Runnable got100Continue;

    /** The end of a dial. */
    @FunctionalInterface
    public interface ConnectDone {
        void accept(String network, String addr, IOException err);
    }

    /**
     * What {@link #gotConn} learns about a connection.
     *
     * @param conn     the connection
     * @param reused   whether it carried a response before
     * @param wasIdle  whether it came from the idle pool
     * @param idleTime how long it was idle, when {@code wasIdle}
     */
    @Mirrors(file = "net/http/httptrace/trace.go", func = "GotConnInfo")
    public record GotConnInfo(Socket conn, boolean reused, boolean wasIdle, Duration idleTime) {}

    private static final Object KEY = new Object();

    /** A context that carries {@code trace}, derived from {@code ctx}. */
    @Mirrors(file = "net/http/httptrace/trace.go", func = "WithClientTrace")
    public static Context withClientTrace(Context ctx, ClientTrace trace) {
        return Context.withValue(ctx, KEY, trace);
    }

    /** The trace {@code ctx} carries, or null. */
    @Mirrors(file = "net/http/httptrace/trace.go", func = "ContextClientTrace")
    public static ClientTrace contextClientTrace(Context ctx) {
        return ctx == null ? null : (ClientTrace) ctx.value(KEY);
    }
}
