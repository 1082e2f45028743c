package nethttp.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import nethttp.client.Client;
import nethttp.client.ClientException;
import nethttp.client.Requests;
import nethttp.core.Request;
import nethttp.core.Response;
import nethttp.differential.GoProgram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The bytes on the wire, compared with Go 1.19's client: the program {@code src/test/go/clientbytes}
 * sends a list of requests with Go's {@code http.Transport} to a recording listener and prints
 * what each connection received; this test sends the same requests with this transport to the
 * same recorder written in Java. Every connection's bytes must be identical, which also checks
 * which requests shared a connection, and every failed request must fail with Go's text.
 * Requests that fail before a connection exists (bad ports, unknown hosts, a refused connect)
 * or on a connection the server breaks (a reset, a close) are compared by their error texts,
 * and the default transport's settings with those of Go's {@code DefaultTransport}.
 *
 * <p>The same program also reads responses as Go's client does: gzipped bodies, sound and
 * corrupt, must read to the same bytes and the same error; and it measures how often a second
 * request fails after a response followed by junk, which this transport must not exceed.
 */
@Timeout(120)
class GoClientBytesTest {

    /** A scenario: how to configure the transport, and the requests to send in order. */
    private record Scenario(String name, Consumer<Transport> configure, Function<String, List<Request>> requests) {}

    private static Request req(String method, String url, String body, boolean knownLength) throws IOException {
        Request r = LocalServer.newRequest(method, url);
        r.host = "example.com";
        if (body != null) {
            byte[] b = body.getBytes(StandardCharsets.ISO_8859_1);
            r.body = knownLength ? new ByteArrayInputStream(b) : new BufferedInputStream(new ByteArrayInputStream(b));
            r.contentLength = knownLength ? b.length : 0;
        }
        return r;
    }

    private static Function<String, List<Request>> requests(IOFunction f) {
        return base -> {
            try {
                return f.apply(base);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        };
    }

    private interface IOFunction {
        List<Request> apply(String base) throws IOException;
    }

    private static final List<Scenario> SCENARIOS = List.of(
            new Scenario("get", t -> {}, requests(b -> List.of(req("GET", b + "/path?q=1", null, true)))),
            new Scenario("two-gets-one-conn", t -> {}, requests(b -> List.of(req("GET", b + "/one", null, true), req("GET", b + "/two", null, true)))),
            new Scenario("post-length", t -> {}, requests(b -> List.of(req("POST", b + "/form", "hello", true)))),
            new Scenario("put-chunked", t -> {}, requests(b -> List.of(req("PUT", b + "/up", "streamed body", false)))),
            new Scenario("own-accept-encoding", t -> {}, requests(b -> {
                Request r = req("GET", b + "/", null, true);
                r.header.set("Accept-Encoding", "identity");
                r.header.set("X-Custom", "1");
                return List.of(r);
            })),
            new Scenario("head", t -> {}, requests(b -> List.of(req("HEAD", b + "/", null, true)))),
            new Scenario("range", t -> {}, requests(b -> {
                Request r = req("GET", b + "/", null, true);
                r.header.set("Range", "bytes=0-1");
                return List.of(r);
            })),
            new Scenario("disable-keep-alives", t -> t.disableKeepAlives = true,
                    requests(b -> List.of(req("GET", b + "/a", null, true), req("GET", b + "/b", null, true)))),
            new Scenario("disable-compression", t -> t.disableCompression = true, requests(b -> List.of(req("GET", b + "/", null, true)))),
            new Scenario("header-utf8", t -> {}, requests(b -> {
                Request r = req("GET", b + "/", null, true);
                r.header.set("X-Text", "café");
                r.header.add("X-Text", "plain");
                r.header.set("X-Euro", "€uro \uD83D\uDE00");
                return List.of(r);
            })),
            new Scenario("trailer-utf8", t -> {}, requests(b -> {
                Request r = req("PUT", b + "/up", "streamed body", false);
                r.trailer = new nethttp.core.Header();
                r.trailer.set("X-Sum", "café");
                r.trailer.set("X-Euro", "€uro \uD83D\uDE00");
                return List.of(r);
            })),
            new Scenario("url-utf8", t -> {}, requests(b -> {
                Request r = Requests.newRequest("GET", b + "/café/€ x/%C3%A9?q=é&r=€ \uD83D\uDE00#frag");
                r.host = "example.com";
                return List.of(r);
            })),
            new Scenario("host-idna", t -> {}, requests(b -> {
                Request r = req("GET", b + "/", null, true);
                r.host = "Bücher.example:8080";
                return List.of(r);
            })),
            new Scenario("expect-continue", t -> t.expectContinueTimeout = Duration.ofSeconds(10), requests(b -> {
                Request r = req("POST", b + "/upload", "body after 100", true);
                r.header.set("Expect", "100-continue");
                return List.of(r);
            })),
            new Scenario("retry-post-nothing-written", GoClientBytesTest::failFirstConnAfterOneWrite, requests(b -> {
                Request post = Requests.newRequest(nethttp.core.Context.background(), "POST", b + "/two", "payload");
                post.host = "example.com";
                return List.of(req("GET", b + "/one", null, true), post);
            })),
            new Scenario("body-longer-than-content-length", t -> {}, requests(b -> {
                Request r = Requests.newRequest(nethttp.core.Context.background(), "POST", b + "/long", "hello world");
                r.host = "example.com";
                r.contentLength = 5;
                return List.of(r);
            })),
            new Scenario("body-shorter-than-content-length", t -> {}, requests(b -> {
                Request r = Requests.newRequest(nethttp.core.Context.background(), "POST", b + "/short", "hello world");
                r.host = "example.com";
                r.contentLength = 20;
                return List.of(r);
            })));

    /** The transport's first connection breaks after its first write: later writes fail with nothing written. */
    private static void failFirstConnAfterOneWrite(Transport t) {
        java.util.concurrent.atomic.AtomicInteger dials = new java.util.concurrent.atomic.AtomicInteger();
        t.dialer = (ctx, network, addr) -> {
            Socket s = Dialer.TCP.dial(ctx, network, addr);
            return dials.incrementAndGet() == 1 ? new BrokenAfterOneWrite(s) : s;
        };
    }

    /** A connected socket, seen through a wrapper whose writes fail after the first. */
    private static final class BrokenAfterOneWrite extends Socket {
        private final Socket s;
        private int writes;

        BrokenAfterOneWrite(Socket s) {
            this.s = s;
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return s.getInputStream();
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            OutputStream out = s.getOutputStream();
            return new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    if (++writes > 1) throw new IOException("write: broken pipe");
                    out.write(b, off, len);
                }
            };
        }

        @Override
        public synchronized void close() throws IOException {
            s.close();
        }
    }

    /** Requests that fail before any connection exists, by the name the Go program prints them under. */
    private static final Map<String, String> ERROR_CASES = Map.of(
            "port-out-of-range", "http://127.0.0.1:99999/",
            "port-out-of-range-ipv6", "http://[::1]:65536/x",
            "port-overflow", "http://127.0.0.1:99999999999999999999/",
            "unknown-host", "http://nothing.invalid/",
            "unknown-host-bad-port", "http://nothing.invalid:70000/",
            "unknown-host-text-url", "http://nothing.invalid/café?q=é€",
            "unknown-idna-host", "http://café.invalid/");

    /** What the Go program printed: bytes per scenario, and error texts per error case. */
    private record GoRun(Map<String, List<String>> bytes, Map<String, String> errors, Map<String, String> defaults) {}

    private static GoRun goRun;

    private static synchronized GoRun go() throws Exception {
        if (goRun == null) goRun = runGo();
        return goRun;
    }

    @Test
    void requestBytesMatchGo() throws Exception {
        Map<String, List<String>> go = go().bytes();
        Map<String, List<String>> ours = new LinkedHashMap<>();
        for (Scenario s : SCENARIOS) ours.put(s.name(), runOurs(s));
        assertEquals(SCENARIOS.size(), go.size(), "Go played every scenario: " + go.keySet());
        for (Scenario s : SCENARIOS) {
            assertEquals(go.get(s.name()), ours.get(s.name()), "scenario " + s.name());
        }
    }

    /**
     * The same failures read the same. Go's own resolver names the DNS server it asked
     * ({@code lookup h on 10.0.0.53:53: no such host}); the JDK's does not say, so that part
     * is left out of the comparison.
     */
    @Test
    void dialErrorsMatchGo() throws Exception {
        Map<String, String> go = go().errors();
        assertTrue(go.keySet().containsAll(ERROR_CASES.keySet()), "Go played every error case: " + go.keySet());
        for (Map.Entry<String, String> c : ERROR_CASES.entrySet()) {
            Client client = new Client();
            client.transport = new Transport();
            ClientException e = assertThrows(ClientException.class, () -> client.get(c.getValue()));
            String want = go.get(c.getKey()).replaceFirst("(lookup \\S+) on \\S+:53: ", "$1: ");
            assertEquals(want, e.getMessage(), c.getKey());
        }
    }

    /** Servers that break the connection after reading a request's head, by the Go program's names. */
    private static final List<String> CONN_CASES = List.of("reset-before-response", "reset-mid-body", "close-before-response", "refused");

    /**
     * A broken connection reads as in Go: {@code read tcp 127.0.0.1:A->127.0.0.1:B: read:
     * connection reset by peer}. The ports differ from run to run and are left out.
     */
    @Test
    void connectionErrorsMatchGo() throws Exception {
        Map<String, String> go = go().errors();
        for (String name : CONN_CASES) {
            String ours = playConnCase(name);
            assertEquals(withoutPorts(go.get(name)), withoutPorts(ours), name);
        }
    }

    private static String withoutPorts(String s) {
        return s.replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:PORT");
    }

    /** The Java twin of the Go program's {@code playConnCase}: the error the client reports. */
    private static String playConnCase(String name) throws Exception {
        try (ServerSocket ln = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            if (name.equals("refused")) ln.close(); // nothing listens when the client dials
            java.util.concurrent.CountDownLatch proceed = new java.util.concurrent.CountDownLatch(1);
            Thread server = Thread.ofVirtual().start(() -> {
                if (ln.isClosed()) return;
                try (Socket c = ln.accept()) {
                    InputStream in = new BufferedInputStream(c.getInputStream());
                    ByteArrayOutputStream ignored = new ByteArrayOutputStream();
                    String line;
                    while ((line = Recorder.readLine(in, ignored)) != null && !line.equals("\r\n")) {
                        // the head is all it reads
                    }
                    if (name.equals("close-before-response")) return;
                    if (name.equals("reset-mid-body")) {
                        c.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789".getBytes(StandardCharsets.ISO_8859_1));
                        c.getOutputStream().flush();
                        proceed.await();
                    }
                    c.setSoLinger(true, 0); // close with a reset
                } catch (IOException | InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
            Client client = new Client();
            client.transport = new Transport();
            try {
                Response resp;
                try {
                    resp = client.get("http://127.0.0.1:" + ln.getLocalPort() + "/");
                } finally {
                    proceed.countDown();
                }
                try (InputStream body = resp.body) {
                    body.readAllBytes();
                }
                throw new AssertionError(name + " did not fail");
            } catch (IOException e) {
                return e.getMessage();
            } finally {
                server.join();
            }
        }
    }

    /** {@link Transport#defaultTransport()} has the settings of Go's {@code DefaultTransport}, field by field. */
    @Test
    void defaultTransportHasGosSettings() throws Exception {
        Transport t = Transport.defaultTransport();
        Map<String, String> ours = new LinkedHashMap<>();
        ours.put("DisableKeepAlives", Boolean.toString(t.disableKeepAlives));
        ours.put("DisableCompression", Boolean.toString(t.disableCompression));
        ours.put("MaxIdleConns", Integer.toString(t.maxIdleConns));
        ours.put("MaxIdleConnsPerHost", Integer.toString(t.maxIdleConnsPerHost));
        ours.put("MaxConnsPerHost", Integer.toString(t.maxConnsPerHost));
        ours.put("IdleConnTimeout", goDuration(t.idleConnTimeout));
        ours.put("ResponseHeaderTimeout", goDuration(t.responseHeaderTimeout));
        ours.put("ExpectContinueTimeout", goDuration(t.expectContinueTimeout));
        ours.put("MaxResponseHeaderBytes", Long.toString(t.maxResponseHeaderBytes));
        ours.put("WriteBufferSize", Integer.toString(t.writeBufferSize));
        ours.put("ReadBufferSize", Integer.toString(t.readBufferSize));
        assertEquals(go().defaults(), ours);
    }

    /** A whole number of seconds as Go's {@code time.Duration.String} writes it: {@code 0s}, {@code 1m30s}. */
    private static String goDuration(Duration d) {
        long s = d.toSeconds();
        assertEquals(d, Duration.ofSeconds(s), "whole seconds only");
        if (s == 0) return "0s";
        String out = s % 60 + "s";
        if (s >= 60) out = (s / 60) % 60 + "m" + out;
        if (s >= 3600) out = s / 3600 + "h" + out;
        return out;
    }

    private static GoRun runGo() throws Exception {
        Path exe = GoProgram.build("clientbytes");
        Process p = new ProcessBuilder(exe.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "clientbytes did not finish");
            assertEquals(0, p.exitValue(), "clientbytes failed");
            Map<String, List<String>> result = new LinkedHashMap<>();
            Map<String, String> errors = new LinkedHashMap<>();
            Map<String, String> defaults = new LinkedHashMap<>();
            for (String line : out.split("\n")) {
                if (line.isEmpty()) continue;
                String[] f = line.split("\t", -1);
                String bytes = new String(Base64.getDecoder().decode(f[2]), StandardCharsets.ISO_8859_1);
                if (f[0].equals("error")) errors.put(f[1], new String(Base64.getDecoder().decode(f[2]), StandardCharsets.UTF_8));
                else if (f[0].equals("default")) defaults.put(f[1], bytes);
                else {
                    // A failed request: its error text, in the order of the requests, before the connections.
                    if (f[1].startsWith("err")) bytes = "error " + f[1].substring(3) + ": " + bytes;
                    result.computeIfAbsent(f[0], k -> new ArrayList<>()).add(bytes);
                }
            }
            return new GoRun(result, errors, defaults);
        } finally {
            p.destroyForcibly();
        }
    }

    private static List<String> runOurs(Scenario s) throws Exception {
        try (Recorder rec = new Recorder()) {
            Transport t = new Transport();
            s.configure().accept(t);
            // A request that fails before it flushes anything leaves its connection unread: only
            // the number of dials tells the recorder to wait for it before it stops accepting.
            java.util.concurrent.atomic.AtomicInteger dials = new java.util.concurrent.atomic.AtomicInteger();
            Dialer configured = t.dialer;
            t.dialer = (ctx, network, addr) -> {
                Socket c = configured.dial(ctx, network, addr);
                dials.incrementAndGet();
                return c;
            };
            List<String> out = new ArrayList<>();
            int i = 0;
            for (Request r : s.requests().apply("http://127.0.0.1:" + rec.port())) {
                Response resp;
                try {
                    resp = t.roundTrip(r);
                } catch (IOException e) {
                    out.add("error " + i++ + ": " + e.getMessage());
                    continue;
                }
                i++;
                try (InputStream b = resp.body) {
                    b.readAllBytes();
                }
            }
            t.closeIdleConnections();
            out.addAll(rec.finish(dials.get()));
            return out;
        }
    }

    // ---- responses: gzip as Go's client reads it ------------------------------------------------

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    private static byte[] cut(byte[] b, int from, int to) {
        return java.util.Arrays.copyOfRange(b, from, to);
    }

    private static byte[] flip(byte[] b, int at) {
        byte[] c = b.clone();
        c[at] ^= 0x55;
        return c;
    }

    private static byte[] deflateRaw(byte[] data) {
        java.util.zip.Deflater d = new java.util.zip.Deflater(java.util.zip.Deflater.DEFAULT_COMPRESSION, true);
        d.setInput(data);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (!d.finished()) out.write(buf, 0, d.deflate(buf));
        d.end();
        return out.toByteArray();
    }

    private static byte[] le(long v, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (v >>> (8 * i));
        return b;
    }

    /** A gzip member built by hand: flags FEXTRA, FNAME, FCOMMENT and FHCRC as asked. */
    private static byte[] member(byte[] data, byte[] extra, String name, String comment, boolean hcrc, int hcrcDelta) {
        int flags = (extra != null ? 4 : 0) | (name != null ? 8 : 0) | (comment != null ? 16 : 0) | (hcrc ? 2 : 0);
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        h.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, (byte) flags, 0, 0, 0, 0, 0, (byte) 255});
        if (extra != null) {
            h.writeBytes(le(extra.length, 2));
            h.writeBytes(extra);
        }
        if (name != null) h.writeBytes(concat(bytes(name), new byte[1]));
        if (comment != null) h.writeBytes(concat(bytes(comment), new byte[1]));
        if (hcrc) {
            java.util.zip.CRC32 c = new java.util.zip.CRC32();
            c.update(h.toByteArray());
            h.writeBytes(le(c.getValue() + hcrcDelta, 2));
        }
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(data);
        return concat(h.toByteArray(), deflateRaw(data), le(crc.getValue(), 4), le(data.length, 4));
    }

    private static byte[] gzipResponse(byte[] body) {
        return concat(bytes("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: " + body.length + "\r\n\r\n"), body);
    }

    /** Sound and corrupt gzip bodies, each the whole raw response a server sends. */
    private static Map<String, byte[]> gzipCases() throws IOException {
        byte[] text = bytes("a gzipped body, ".repeat(200) + "the end\n");
        byte[] gz = TransportTest.gzip(new String(text, StandardCharsets.ISO_8859_1));
        Map<String, byte[]> c = new LinkedHashMap<>();
        c.put("one-member", gz);
        c.put("two-members", concat(TransportTest.gzip("first member, "), TransportTest.gzip("second member")));
        c.put("truncated-header", cut(gz, 0, 5));
        c.put("truncated-data", cut(gz, 0, gz.length / 2));
        c.put("truncated-trailer", cut(gz, 0, gz.length - 3));
        c.put("bad-crc", flip(gz, gz.length - 8));
        c.put("bad-isize", flip(gz, gz.length - 1));
        c.put("trailing-garbage", concat(gz, bytes("garbage after the member")));
        c.put("trailing-garbage-short", concat(gz, bytes("xyz")));
        c.put("trailing-zeros", concat(gz, new byte[16]));
        c.put("second-member-truncated", concat(gz, cut(gz, 0, 30)));
        c.put("not-gzip", bytes("plain text, not gzip at all"));
        c.put("bad-method", flip(gz, 2));
        c.put("all-header-fields", member(bytes("fields"), bytes("xtra"), "name.txt", "a comment", true, 0));
        c.put("bad-header-crc", member(bytes("fields"), null, "name.txt", null, true, 1));
        c.put("name-too-long", member(bytes("x"), null, "n".repeat(600), null, false, 0));
        c.put("name-unterminated", cut(member(bytes("x"), null, "name", null, false, 0), 0, 13));
        java.util.Random rnd = new java.util.Random(12);
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < 3000; i++) words.append("abcdefghijklmnopqrstuvwxyz".charAt(rnd.nextInt(26))).append(i % 7 == 0 ? " " : "");
        byte[] varied = TransportTest.gzip(words.toString());
        for (int at : new int[] {12, 40, 200, varied.length / 2, varied.length - 12}) c.put("flipped-byte-" + at, flip(varied, at));
        c.put("invalid-block-type", concat(cut(gz, 0, 10), new byte[] {(byte) 0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0}));
        Map<String, byte[]> responses = new LinkedHashMap<>();
        for (var e : c.entrySet()) responses.put(e.getKey(), gzipResponse(e.getValue()));
        responses.put("empty-chunked", bytes("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"));
        responses.put("chunked-two-members", concat(bytes("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n"),
                chunk(TransportTest.gzip("one ")), chunk(TransportTest.gzip("two")), bytes("0\r\n\r\n")));
        return responses;
    }

    private static byte[] chunk(byte[] data) {
        return concat(bytes(Integer.toHexString(data.length) + "\r\n"), data, bytes("\r\n"));
    }

    @Test
    void gzipBodiesReadAsGo() throws Exception {
        Map<String, byte[]> cases = gzipCases();
        Map<String, String> go = runGoResponses(cases);
        assertEquals(cases.keySet(), go.keySet(), "Go read every response");
        for (var e : cases.entrySet()) {
            assertEquals(go.get(e.getKey()), readOurs(e.getValue()), "case " + e.getKey());
        }
    }

    /** What Go's client read from each response: "body | error". */
    private static Map<String, String> runGoResponses(Map<String, byte[]> cases) throws Exception {
        Path exe = GoProgram.build("clientbytes");
        Process p = new ProcessBuilder(exe.toString(), "responses").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            try (OutputStream in = p.getOutputStream()) {
                for (var e : cases.entrySet()) {
                    in.write(bytes(e.getKey() + "\t" + Base64.getEncoder().encodeToString(e.getValue()) + "\n"));
                }
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "clientbytes did not finish");
            assertEquals(0, p.exitValue(), "clientbytes failed");
            Map<String, String> result = new LinkedHashMap<>();
            for (String line : out.split("\n")) {
                if (line.isEmpty()) continue;
                String[] f = line.split("\t", -1);
                result.put(f[0], new String(Base64.getDecoder().decode(f[1]), StandardCharsets.ISO_8859_1) + " | " + f[2]);
            }
            return result;
        } finally {
            p.destroyForcibly();
        }
    }

    /** What this transport reads from {@code raw}, served once: "body | error". */
    private static String readOurs(byte[] raw) throws Exception {
        try (ServerSocket ln = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread server = Thread.ofVirtual().start(() -> {
                try (Socket c = ln.accept()) {
                    InputStream in = new BufferedInputStream(c.getInputStream());
                    while (!Recorder.readLine(in, new ByteArrayOutputStream()).equals("\r\n")) {
                        // the request header
                    }
                    c.getOutputStream().write(raw);
                } catch (IOException | NullPointerException e) {
                    // the client went away
                }
            });
            Transport t = new Transport();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            String err = "";
            try {
                Response resp = t.roundTrip(LocalServer.newRequest("GET", "http://127.0.0.1:" + ln.getLocalPort() + "/"));
                try (InputStream b = resp.body) {
                    byte[] buf = new byte[512];
                    for (int n; (n = b.read(buf)) >= 0; ) body.write(buf, 0, n);
                } catch (IOException e) {
                    err = e.getMessage();
                }
            } catch (IOException e) {
                err = "roundtrip: " + e.getMessage();
            }
            t.closeIdleConnections();
            server.join();
            return body.toString(StandardCharsets.ISO_8859_1) + " | " + err;
        }
    }

    // ---- junk after a response ----------------------------------------------------------------------

    private static final int EXTRA_BYTES_TRIES = 60;

    /**
     * A server sends junk right after a {@code 204} (one write: the junk is there as soon as the
     * response is), and the client sends its next request at once. Go pools the connection and
     * learns of the junk a moment later, so the next request now and then takes the connection
     * and reads the junk as its response; this transport looks for unread bytes before it pools
     * a connection and never does. Go's count is measured and shown alongside.
     */
    @Test
    void junkAfterABodylessResponseNeverReachesTheNextRequest() throws Exception {
        int ours = extraBytesFailures(EXTRA_BYTES_TRIES, "HTTP/1.1 204 No Content\r\n\r\n");
        int oursShort = extraBytesFailures(EXTRA_BYTES_TRIES, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi");
        Path exe = GoProgram.build("clientbytes");
        Process p = new ProcessBuilder(exe.toString(), "extrabytes", Integer.toString(EXTRA_BYTES_TRIES))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String goFailures;
        try {
            p.getOutputStream().close();
            goFailures = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "clientbytes did not finish");
        } finally {
            p.destroyForcibly();
        }
        String rates = "failed second requests in " + EXTRA_BYTES_TRIES + " tries: Go " + goFailures + ", ours " + ours
                + " (after a short body: " + oursShort + ")";
        assertEquals(0, ours, rates);
        assertEquals(0, oursShort, rates);
    }

    /** Tries {@code tries} times: a first response followed by junk in the same write, then a second request at once. */
    static int extraBytesFailures(int tries, String firstResponse) throws Exception {
        try (ServerSocket ln = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
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
                            InputStream in = new BufferedInputStream(c.getInputStream());
                            OutputStream out = c.getOutputStream();
                            while (true) {
                                String line = Recorder.readLine(in, new ByteArrayOutputStream());
                                if (line == null) return;
                                boolean first = line.startsWith("GET /first ");
                                while (!line.equals("\r\n")) {
                                    line = Recorder.readLine(in, new ByteArrayOutputStream());
                                    if (line == null) return;
                                }
                                String reply = first ? firstResponse + "junk after the response\r\n\r\n"
                                        : "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
                                out.write(bytes(reply));
                                out.flush();
                            }
                        } catch (IOException e) {
                            // the client closed
                        }
                    });
                }
            });
            int failed = 0;
            String base = "http://127.0.0.1:" + ln.getLocalPort();
            for (int i = 0; i < tries; i++) {
                Transport t = new Transport();
                t.errorLog = msg -> {};
                try {
                    try (InputStream b = t.roundTrip(LocalServer.newRequest("GET", base + "/first")).body) {
                        b.readAllBytes();
                    }
                    try (InputStream b = t.roundTrip(LocalServer.newRequest("GET", base + "/second")).body) {
                        if (!new String(b.readAllBytes(), StandardCharsets.ISO_8859_1).equals("ok")) failed++;
                    }
                } catch (IOException e) {
                    failed++;
                }
                t.closeIdleConnections();
            }
            return failed;
        }
    }

    /** The Java twin of the Go program's recorder: records requests, answers each with "ok". */
    private static final class Recorder implements AutoCloseable {
        private final ServerSocket ln = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<ByteArrayOutputStream> conns = new ArrayList<>();
        private final List<Thread> threads = new ArrayList<>();
        private final java.util.concurrent.Semaphore accepted = new java.util.concurrent.Semaphore(0);
        private final Thread acceptor;

        Recorder() throws IOException {
            acceptor = Thread.ofVirtual().start(() -> {
                while (true) {
                    Socket c;
                    try {
                        c = ln.accept();
                    } catch (IOException e) {
                        return;
                    }
                    ByteArrayOutputStream buf = new ByteArrayOutputStream();
                    synchronized (conns) {
                        conns.add(buf);
                        threads.add(Thread.ofVirtual().start(() -> handle(c, buf)));
                    }
                    accepted.release();
                }
            });
        }

        int port() {
            return ln.getLocalPort();
        }

        private static String readLine(InputStream in, ByteArrayOutputStream record) throws IOException {
            StringBuilder b = new StringBuilder();
            int ch;
            while ((ch = in.read()) >= 0) {
                b.append((char) ch);
                if (ch == '\n') break;
            }
            String line = b.toString();
            synchronized (record) {
                record.writeBytes(line.getBytes(StandardCharsets.ISO_8859_1));
            }
            return ch < 0 ? null : line;
        }

        private static void handle(Socket c, ByteArrayOutputStream record) {
            try (c) {
                InputStream in = new BufferedInputStream(c.getInputStream());
                OutputStream out = c.getOutputStream();
                while (true) {
                    List<String> head = new ArrayList<>();
                    String line;
                    while (true) {
                        line = readLine(in, record);
                        if (line == null) return;
                        if (line.equals("\r\n")) break;
                        head.add(line.strip());
                    }
                    int length = 0;
                    boolean chunked = false, expect = false, closing = false;
                    for (String h : head.subList(1, head.size())) {
                        int colon = h.indexOf(": ");
                        String k = h.substring(0, colon).toLowerCase(Locale.ROOT), v = h.substring(colon + 2);
                        switch (k) {
                            case "content-length" -> length = Integer.parseInt(v);
                            case "transfer-encoding" -> chunked = v.equals("chunked");
                            case "expect" -> expect = v.equals("100-continue");
                            case "connection" -> closing = v.equals("close");
                            default -> { }
                        }
                    }
                    if (expect) out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    if (chunked) {
                        while (true) {
                            String size = readLine(in, record);
                            if (size == null) return;
                            if (size.equals("0\r\n")) {
                                // the trailer's fields, if any, then the blank line
                                String end;
                                do {
                                    end = readLine(in, record);
                                } while (end != null && !end.equals("\r\n"));
                                break;
                            }
                            byte[] data = in.readNBytes(Integer.parseInt(size.strip(), 16) + 2);
                            synchronized (record) {
                                record.writeBytes(data);
                            }
                        }
                    } else if (length > 0) {
                        byte[] data = in.readNBytes(length);
                        synchronized (record) {
                            record.writeBytes(data);
                        }
                    }
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    if (closing) return;
                }
            } catch (IOException e) {
                // the client went away: what was recorded stays
            }
        }

        /**
         * Waits until the {@code dialed} connections have been accepted (a connection the client
         * gave up before writing may still wait in the listen queue), then for every connection
         * to end (the client closed them all), and returns their bytes.
         */
        List<String> finish(int dialed) throws Exception {
            assertTrue(accepted.tryAcquire(dialed, 20, TimeUnit.SECONDS), "a dialed connection was never accepted");
            ln.close();
            acceptor.join();
            List<Thread> ts;
            synchronized (conns) {
                ts = List.copyOf(threads);
            }
            for (Thread t : ts) assertTrue(t.join(Duration.ofSeconds(20)), "a recorded connection stayed open");
            List<String> out = new ArrayList<>();
            for (ByteArrayOutputStream b : conns) {
                synchronized (b) {
                    out.add(b.toString(StandardCharsets.ISO_8859_1));
                }
            }
            return out;
        }

        @Override
        public void close() throws IOException {
            ln.close();
        }
    }
}
