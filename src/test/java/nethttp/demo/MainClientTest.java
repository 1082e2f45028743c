package nethttp.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.zip.GZIPOutputStream;
import java.util.regex.Pattern;
import nethttp.server.Server;
import nethttp.server.ServerClosedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The get and post commands, run in-process against the demo routes on a server on 127.0.0.1. */
@Timeout(30)
class MainClientTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Server srv = new Server();
    private String base;

    @BeforeEach
    void start() throws IOException {
        srv.handler = DemoRoutes.handler();
        ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        base = "http://127.0.0.1:" + ((InetSocketAddress) ss.getLocalSocketAddress()).getPort();
        Thread.ofVirtual().start(() -> {
            try {
                srv.serve(ss);
            } catch (ServerClosedException expected) {
                // the test is over
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    @AfterEach
    void stop() throws IOException {
        srv.close();
    }

    private int run(String... args) throws Exception {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    @Test
    void getPrintsStatusLineHeaderAndBody() throws Exception {
        assertEquals(0, run("get", base + "/"));
        String o = out();
        assertTrue(o.startsWith("HTTP/1.1 200 OK\nContent-Length: 20\nContent-Type: text/plain; charset=utf-8\nDate: "), o);
        assertTrue(o.endsWith("GMT\n\nHello from nethttp!\n"), o);
    }

    @Test
    void traceWithRepeatShowsTheSecondRequestReusingTheConnection() throws Exception {
        assertEquals(0, run("get", "--trace", "--repeat", "2", base + "/"));
        String o = out();
        assertEquals(2, count(o, "^HTTP/1\\.1 200 OK$"), o);
        assertEquals(1, count(o, "client  req 1 +connect start: "), "one dial only:\n" + o);
        assertEquals(0, count(o, "client  req 2 +connect start"), o);
        assertEquals(1, count(o, "conn 1 +client  req 1 +got conn: reused=false wasIdle=false$"), o);
        assertEquals(1, count(o, "conn 1 +client  req 2 +got conn: reused=true wasIdle=true idle="), o);
        assertTrue(o.indexOf("req 1   wrote headers") < o.indexOf("req 1   wrote request"), o);
    }

    @Test
    void bothStrategiesReuse() throws Exception {
        assertEquals(0, run("get", "--trace", "--strategy", "go1.12", "--repeat", "3", base + "/"));
        assertEquals(2, count(out(), "got conn: reused=true"), out());
    }

    @Test
    void postSendsDataWithHeaders() throws Exception {
        assertEquals(0, run("post", base + "/echo", "--data", "héllo", "--header", "X-One: 1", "--header", "X-Two:2"));
        String o = out();
        assertTrue(o.contains("\"Body\": \"héllo\""), o);
        assertTrue(o.contains("\"ContentLength\": 6"), o);
        assertTrue(o.contains("\"text/plain; charset=utf-8\""), o);
        assertTrue(o.contains("\"X-One\": [\n      \"1\"\n    ]"), o);
        assertTrue(o.contains("\"X-Two\": [\n      \"2\"\n    ]"), o);
    }

    @Test
    void postDataFileAndOwnContentType(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("body.txt");
        Files.writeString(f, "from a file");
        assertEquals(0, run("post", base + "/echo", "--data-file", f.toString(), "--header", "Content-Type: text/x-demo"));
        String o = out();
        assertTrue(o.contains("\"Body\": \"from a file\""), o);
        assertTrue(o.contains("\"text/x-demo\""), o);
    }

    @Test
    void redirectsAreFollowed() throws Exception {
        assertEquals(0, run("get", base + "/a/../echo"));
        assertTrue(out().contains("\"RequestURI\": \"/echo\""), out());
    }

    @Test
    void failuresGoToStderrWithGoText() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        assertEquals(1, run("get", "http://127.0.0.1:" + port + "/"));
        assertTrue(err.toString().startsWith("Get \"http://127.0.0.1:" + port + "/\": "), err.toString());
        assertEquals(1, run("get", "http://[::1"));
        assertTrue(err.toString().contains("parse \"http://[::1\": missing ']' in host"), err.toString());
        assertEquals(1, run("get", "--timeout", "100ms", base + "/slow?delay=5000"));
        assertTrue(err.toString().contains(
                "/slow?delay=5000\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)"), err.toString());
    }

    @Test
    void usageErrors() throws Exception {
        assertEquals(2, run("get"));
        assertTrue(err.toString().contains("get needs a URL"));
        assertEquals(2, run("get", base, "--strategy", "go1.99"));
        assertTrue(err.toString().contains("--strategy is go1.12 or go1.13, not go1.99"));
        assertEquals(2, run("get", base, "--data", "x"));
        assertTrue(err.toString().contains("--data is an option of post"));
        assertEquals(2, run("get", base, "--repeat", "0"));
        assertEquals(2, run("post", base, "--data", "a", "--data-file", "b"));
        assertEquals(2, run("get", base, "--header", "nocolon"));
        assertTrue(err.toString().contains("--header wants 'Key: value', not nocolon"));
        assertEquals("", out());
    }

    // ---- bodies that do not fit, never end, or break -------------------------------------------------

    /** Writes the raw bytes {@code reply} produces in answer to the first request on each connection, then hangs up. */
    private interface Reply {
        void write(OutputStream out) throws IOException;
    }

    private static ServerSocket rawServer(Reply reply) throws IOException {
        ServerSocket ln = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (true) {
                Socket c;
                try {
                    c = ln.accept();
                } catch (IOException e) {
                    return;
                }
                Thread.ofVirtual().start(() -> {
                    try (c) {
                        BufferedReader in = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.ISO_8859_1));
                        for (String line; (line = in.readLine()) != null && !line.isEmpty(); ) {
                            // the request header
                        }
                        reply.write(new BufferedOutputStream(c.getOutputStream()));
                    } catch (IOException e) {
                        // the client went away
                    }
                });
            }
        });
        return ln;
    }

    private static String url(ServerSocket ln) {
        return "http://127.0.0.1:" + ln.getLocalPort() + "/";
    }

    private static byte[] gzipZeros(int n) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(b)) {
            z.write(new byte[n]);
        }
        return b.toByteArray();
    }

    /**
     * 256 MiB of zeros, sent as 16 gzip members of 16 MiB each (a few hundred KiB on the wire),
     * printed by a {@code get} in a JVM with a 48 MiB heap: the body streams through to stdout.
     */
    @Test
    @Timeout(180)
    void aGzipBombStreamsThroughASmallHeap() throws Exception {
        byte[] member = gzipZeros(16 << 20);
        int members = 16;
        try (ServerSocket ln = rawServer(out -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: " + (long) member.length * members
                    + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            for (int i = 0; i < members; i++) out.write(member);
            out.flush();
        })) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            Process p = new ProcessBuilder(java, "-Xmx48m", "-cp", classes, Main.class.getName(), "get", url(ln)).start();
            try {
                p.getOutputStream().close();
                CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> {
                    try {
                        return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        return e.toString();
                    }
                });
                long printed = p.getInputStream().transferTo(OutputStream.nullOutputStream());
                assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the get finished");
                assertEquals("", stderr.get(60, TimeUnit.SECONDS));
                assertEquals(0, p.exitValue());
                assertTrue(printed > (long) members * (16 << 20), "all of the body was printed: " + printed);
            } finally {
                p.destroyForcibly();
            }
        }
    }

    /**
     * A body that does not end is printed as it comes; when the server dies in the middle, the
     * command prints one line with Go's error and exits with 1.
     */
    @Test
    void anEndlessBodyIsPrintedAsItComesAndABreakIsOneErrorLine() throws Exception {
        long seen = 4 << 20;
        long limit = 64L << 20;
        AtomicLong printed = new AtomicLong();
        AtomicLong sent = new AtomicLong();
        CountDownLatch enoughPrinted = new CountDownLatch(1);
        try (ServerSocket ln = rawServer(out -> {
            out.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = ("8000\r\n" + "x".repeat(0x8000) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
            // Without end, until the client has printed enough (or, for a client that waits for the end, up to a limit).
            while (enoughPrinted.getCount() > 0 && sent.get() < limit) {
                out.write(chunk);
                out.flush();
                sent.addAndGet(0x8000);
            }
        })) {
            OutputStream counting = new OutputStream() {
                @Override
                public void write(int b) {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    if (printed.addAndGet(len) >= seen) enoughPrinted.countDown();
                }
            };
            int code = Main.run(new String[] {"get", url(ln)}, new PrintStream(counting, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(1, code);
            assertEquals("unexpected EOF\n", err.toString(StandardCharsets.UTF_8));
            assertTrue(sent.get() < limit, "printed before the end: the server stopped after " + sent.get() + " bytes");
            assertTrue(printed.get() >= seen);
        }
    }

    @Test
    void aCorruptGzipBodyIsOneErrorLine() throws Exception {
        byte[] gz = gzipZeros(1000);
        gz[gz.length - 8] ^= 1; // the CRC
        try (ServerSocket ln = rawServer(out -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: " + gz.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(gz);
            out.flush();
        })) {
            assertEquals(1, run("get", url(ln)));
            assertEquals("gzip: invalid checksum\n", err.toString(StandardCharsets.UTF_8));
            assertTrue(out().startsWith("HTTP/1.1 200 OK\n"), out());
        }
    }
}

