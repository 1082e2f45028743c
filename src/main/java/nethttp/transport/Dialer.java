package nethttp.transport;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import jdk.net.ExtendedSocketOptions;
import nethttp.annotations.Mirrors;
import nethttp.concurrent.Signal;
import nethttp.core.Context;

/**
 * Opens connections for a {@link Transport}: Go's {@code Transport.DialContext}. Tests replace it
 * to decide exactly when a dial finishes.
 *
 * <p>A dialer should give up when {@code ctx} is done, throwing {@code ctx.err()}; the transport
 * passes the context of the request that started the dial.
 */
@FunctionalInterface
@Mirrors(file = "net/http/transport.go", func = "Transport.DialContext")
public interface Dialer {
    /**
     * Connects to {@code addr}, a {@code host:port}, over {@code network} (always {@code "tcp"}).
     */
    Socket dial(Context ctx, String network, String addr) throws IOException;

    /**
     * The default of a new {@link Transport}, Go's zero {@code net.Dialer}: a TCP connection with
     * {@code TCP_NODELAY}, keep-alive probes every 15 seconds, and no time limit but the
     * context's. The connect is abandoned when the context is done or its deadline passes.
     */
    Dialer TCP = new NetDialer(Duration.ZERO, Duration.ZERO);

    /**
     * A TCP dialer with Go's {@code net.Dialer} settings.
     *
     * @param timeout how long a connect may take, on top of the context's deadline (the earlier
     *     wins); zero means no limit of its own. When it passes, the dial fails with
     *     {@code dial tcp h:p: i/o timeout}.
     * @param keepAlive the idle time before the first keep-alive probe and between probes; zero
     *     means 15 seconds, negative turns probes off. Where the platform cannot set the period,
     *     probes are on with its own.
     */
    @Mirrors(file = "net/dial.go", func = "Dialer")
    record NetDialer(Duration timeout, Duration keepAlive) implements Dialer {
        /** Go's {@code defaultTCPKeepAlive}. */
        private static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(15);

        @Override
        @Mirrors(file = "net/dial.go", func = "Dialer.DialContext")
        public Socket dial(Context ctx, String network, String addr) throws IOException {
            return dialTCP(ctx, network, addr, timeout, keepAlive);
        }
    }

    @Mirrors(file = "net/dial.go", func = "Dialer.DialContext")
    /** A refused or unreachable connect, worded as Go's net.OpError: {@code dial tcp h:p: connect: connection refused}. */
    private static IOException connectError(String network, String addr, IOException e) {
        String why = e.getMessage() == null ? "connection refused" : e.getMessage();
        if (!why.isEmpty()) why = Character.toLowerCase(why.charAt(0)) + why.substring(1);
        var err = new ConnectException("dial " + network + " " + addr + ": connect: " + why);
        err.initCause(e);
        return err;
    }

    private static Socket dialTCP(Context ctx, String network, String addr, Duration timeout, Duration keepAlive)
            throws IOException {
        int colon = addr.lastIndexOf(':');
        if (colon < 0) throw new IOException("dial " + network + " " + addr + ": missing port in address");
        String host = addr.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        String portText = addr.substring(colon + 1);
        int port = parsePort(portText);
        if (port < 0) throw new IOException("dial " + network + ": address " + portText + ": invalid port");
        if (ctx.isDone()) throw ctx.err();
        Socket s = new Socket();
        Signal done = ctx.done();
        Signal.Registration stop = done == null ? () -> {} : done.onFire(() -> closeQuietly(s));
        long now = System.nanoTime();
        long ownDeadline = timeout.isZero() ? 0 : now + Math.max(1, timeout.toNanos());
        boolean ownFirst = ownDeadline != 0 && (ctx.deadline() == 0 || ownDeadline - ctx.deadline() < 0);
        long deadline = ownFirst ? ownDeadline : ctx.deadline();
        try {
            int timeoutMillis = 0;
            if (deadline != 0) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - now);
                timeoutMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, left));
            }
            s.connect(new InetSocketAddress(host, port), timeoutMillis);
            s.setTcpNoDelay(true);
            setKeepAlive(s, keepAlive);
        } catch (IOException e) {
            closeQuietly(s);
            if (ctx.isDone()) throw ctx.err();
            if (e instanceof SocketTimeoutException && ownFirst) {
                throw new SocketTimeoutException("dial " + network + " " + addr + ": i/o timeout");
            }
            if (e instanceof SocketTimeoutException) throw new Context.DeadlineExceededException();
            if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
                throw connectError(network, addr, e);
            }
            if (e instanceof UnknownHostException) throw new UnknownHostException("dial " + network + ": lookup " + host + ": no such host");
            throw e;
        } finally {
            stop.cancel();
        }
        if (ctx.isDone()) {
            closeQuietly(s);
            throw ctx.err();
        }
        return s;
    }

    /**
     * The port of an address, or -1 when it is not a number from 0 to 65535: Go's
     * {@code parsePort}, which a name such as {@code http} would pass through a service lookup
     * (the URLs a transport dials have digits only).
     */
    @Mirrors(file = "net/port.go", func = "parsePort")
    private static int parsePort(String s) {
        int n = 0; // an empty port is port 0, as in Go
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            n = n * 10 + (c - '0');
            if (n > 0xFFFF) return -1;
        }
        return n;
    }

    /** Keep-alive probes as Go's dialer sets them: on unless negative, 15 seconds unless given. */
    @Mirrors(file = "net/tcpsock.go", func = "TCPConn.SetKeepAlivePeriod")
    private static void setKeepAlive(Socket s, Duration keepAlive) throws IOException {
        if (keepAlive.isNegative()) return;
        s.setKeepAlive(true);
        Duration period = keepAlive.isZero() ? NetDialer.DEFAULT_KEEP_ALIVE : keepAlive;
        int secs = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (period.toMillis() + 999) / 1000)); // Go rounds up
        if (s.supportedOptions().contains(ExtendedSocketOptions.TCP_KEEPIDLE)) {
            s.setOption(ExtendedSocketOptions.TCP_KEEPIDLE, secs);
        }
        if (s.supportedOptions().contains(ExtendedSocketOptions.TCP_KEEPINTERVAL)) {
            s.setOption(ExtendedSocketOptions.TCP_KEEPINTERVAL, secs);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }
}
