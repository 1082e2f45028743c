package nethttp.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import nethttp.event.EventBus;
import nethttp.server.Server;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One request through the whole server, over a keep-alive loopback connection: the benchmark
 * thread writes a GET for the hello route and reads the reply to its last byte. Its subclasses
 * differ only in the event reporting: {@link ServeNoListenerBench} is the server as shipped with
 * nobody listening, {@link ServeEventsOffBench} runs in a JVM started with
 * {@code -Dnethttp.events=off}, where the JIT folds every event call away, so the two measure what
 * the calls cost when nobody listens; {@link ServeSubscribedBench} has one subscriber counting
 * events, the cost of watching. Scores are requests per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(3)
@Threads(1)
@State(Scope.Thread)
public abstract class ServeBench {
    private static final byte[] REQUEST =
            "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

    private Server srv;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final byte[] reply = new byte[1024];
    private int replyLength;
    /** Events seen by the subscriber, if there is one. */
    protected long events;

    /** Called before serving: a subclass may subscribe. */
    protected void configure(EventBus bus) {}

    @Setup(Level.Trial)
    public void start() throws IOException {
        srv = new Server();
        srv.handler = BenchServer::hello;
        configure(srv.events);
        ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            try {
                srv.serve(ss);
            } catch (IOException closed) {
                // the trial is over
            }
        });
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(ss.getLocalSocketAddress(), 5000);
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
        // The reply has the same length every time (the Date header's is fixed): learn it once.
        out.write(REQUEST);
        String got = "";
        while (!got.endsWith("Hello from nethttp!\n")) {
            int n = in.read(reply, got.length(), reply.length - got.length());
            if (n < 0) throw new IOException("server closed the connection: " + got);
            got = new String(reply, 0, got.length() + n, StandardCharsets.ISO_8859_1);
        }
        replyLength = got.length();
    }

    @Benchmark
    public int request() throws IOException {
        out.write(REQUEST);
        int have = 0;
        while (have < replyLength) {
            int n = in.read(reply, have, replyLength - have);
            if (n < 0) throw new IOException("server closed the connection");
            have += n;
        }
        return reply[replyLength - 1];
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        socket.close();
        srv.close();
    }
}
