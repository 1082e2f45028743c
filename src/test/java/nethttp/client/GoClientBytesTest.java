package nethttp.client;

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
 * which requests shared a connection. Requests that fail before a connection exists (bad ports,
 * unknown hosts, a refused connect) or on a connection the server breaks (a reset, a close) are
 * compared by their error texts, and the default transport's settings with those of Go's
 * {@code DefaultTransport}.
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
            })));

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
                else result.computeIfAbsent(f[0], k -> new ArrayList<>()).add(bytes);
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
            for (Request r : s.requests().apply("http://127.0.0.1:" + rec.port())) {
                Response resp = t.roundTrip(r);
                try (InputStream b = resp.body) {
                    b.readAllBytes();
                }
            }
            t.closeIdleConnections();
            return rec.finish();
        }
    }

    /** The Java twin of the Go program's recorder: records requests, answers each with "ok". */
    private static final class Recorder implements AutoCloseable {
        private final ServerSocket ln = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<ByteArrayOutputStream> conns = new ArrayList<>();
        private final List<Thread> threads = new ArrayList<>();
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
                                readLine(in, record);
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

        /** Waits for every connection to end (the client closed them all) and returns their bytes. */
        List<String> finish() throws Exception {
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
