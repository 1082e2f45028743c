package nethttp.transport;

import static nethttp.transport.LocalServer.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nethttp.client.Client;
import nethttp.client.Requests;
import nethttp.core.Request;
import nethttp.core.Response;
import nethttp.differential.GoProgram;
import nethttp.httptrace.ClientTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The transport against real servers on 127.0.0.1: Go 1.19's net/http, and Python's http.server. */
@Timeout(120)
class RealServersTest {

    /** Starts a process and returns the first line it prints that satisfies {@code ready}. */
    private static String awaitLine(Process p, java.util.function.Predicate<String> ready) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                String l;
                while ((l = out.readLine()) != null) {
                    if (ready.test(l)) return l;
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        }).get(60, TimeUnit.SECONDS);
        assertNotNull(line, "the server did not start");
        return line;
    }

    @Test
    void goNetHttpServer() throws Exception {
        Path exe = GoProgram.build("echoserver");
        Process go = new ProcessBuilder(exe.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            go.getOutputStream().close();
            String base = "http://" + awaitLine(go, l -> l.startsWith("127.0.0.1:"));
            Transport t = new Transport();

            for (int i = 0; i < 3; i++) {
                Response resp = t.roundTrip(LocalServer.newRequest("GET", base + "/"));
                assertEquals(200, resp.statusCode);
                assertEquals("Hello from nethttp!\n", readAll(resp));
            }
            assertEquals(1, t.dialCount(), "kept alive by Go's server");

            Request post = LocalServer.newRequest("POST", base + "/echo?x=1");
            post.body = new ByteArrayInputStream("abc".getBytes(StandardCharsets.ISO_8859_1));
            post.contentLength = 3;
            String echo = readAll(t.roundTrip(post)).replaceAll("\\s+", "");
            assertTrue(echo.contains("\"Body\":\"abc\""), echo);
            assertTrue(echo.contains("\"Accept-Encoding\":[\"gzip\"]"), echo);
            assertTrue(echo.contains("\"User-Agent\":[\"Go-http-client/1.1\"]"), echo);
            assertTrue(echo.contains("\"ContentLength\":3"), echo);

            Response stream = t.roundTrip(LocalServer.newRequest("GET", base + "/stream?n=3&delay=0"));
            assertEquals(List.of("chunked"), stream.transferEncoding);
            assertEquals("chunk 1 of 3\nchunk 2 of 3\nchunk 3 of 3\n", readAll(stream));

            Request expect = LocalServer.newRequest("POST", base + "/echo");
            expect.header.set("Expect", "100-continue");
            expect.body = new ByteArrayInputStream("after continue".getBytes(StandardCharsets.ISO_8859_1));
            expect.contentLength = 14;
            t.expectContinueTimeout = Duration.ofSeconds(20);
            assertTrue(readAll(t.roundTrip(expect)).contains("\"Body\": \"after continue\""));

            // The default client waits for Go's 100 Continue (Go's server sends it when the handler reads).
            Request waits = Requests.newRequest(nethttp.core.Context.background(), "POST", base + "/echo", "default transport");
            waits.header.set("Expect", "100-continue");
            java.util.concurrent.atomic.AtomicInteger continues = new java.util.concurrent.atomic.AtomicInteger();
            ClientTrace trace = new ClientTrace();
            trace.got100Continue = continues::incrementAndGet;
            waits.context = ClientTrace.withClientTrace(waits.context, trace);
            assertTrue(readAll(new Client().send(waits)).contains("\"Body\": \"default transport\""));
            assertEquals(1, continues.get());

            // Text given to the client reaches Go's server as the same text.
            Request text = Requests.newRequest("GET", base + "/echo?q=café€");
            text.header.set("X-Text", "café €uro");
            Response textEcho = t.roundTrip(text);
            String echoed;
            try (java.io.InputStream b = textEcho.body) {
                echoed = new String(b.readAllBytes(), StandardCharsets.UTF_8).replaceAll("\\s+", "");
            }
            assertTrue(echoed.contains("\"X-Text\":[\"café€uro\"]"), echoed);
            assertTrue(echoed.contains("\"RequestURI\":\"/echo?q=café€\""), echoed);

            Response notFound = t.roundTrip(LocalServer.newRequest("GET", base + "/nope"));
            assertEquals(404, notFound.statusCode);
            assertEquals("404 page not found\n", readAll(notFound));
            assertEquals(1, t.dialCount(), "every exchange reused the one connection");

            t.responseHeaderTimeout = Duration.ofMillis(100);
            assertThrows(ResponseHeaderTimeoutException.class, () -> t.roundTrip(LocalServer.newRequest("GET", base + "/slow?delay=3000")));
            t.closeIdleConnections();
            assertEquals(0, t.idleConnCount());
        } finally {
            go.destroyForcibly();
            go.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String memberText(int i) {
        return ("member " + i + ", ").repeat(300) + "\n";
    }

    /**
     * Gzipped bodies made by Go's {@code compress/gzip} and sent by Go's server, sound and
     * broken, and a request whose body does not match its declared length.
     */
    @Test
    void goServerGzipAndLengths() throws Exception {
        Path exe = GoProgram.build("clientbytes");
        Process go = new ProcessBuilder(exe.toString(), "gzipserver").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            go.getOutputStream().close();
            String base = "http://" + awaitLine(go, l -> l.startsWith("127.0.0.1:"));
            Transport t = new Transport();

            Response three = t.roundTrip(LocalServer.newRequest("GET", base + "/gzip?members=3"));
            assertTrue(three.uncompressed);
            assertEquals(memberText(1) + memberText(2) + memberText(3), readAll(three));
            Response one = t.roundTrip(LocalServer.newRequest("GET", base + "/gzip?members=1"));
            assertEquals(memberText(1), readAll(one));
            assertEquals(1, t.dialCount(), "a gzipped body read to its end frees the connection");

            for (String[] c : new String[][] {
                    {"members=1&junk=0123456789", "gzip: invalid header"},
                    {"members=2&junk=xyz", "unexpected EOF"},
                    {"members=1&cut=3", "unexpected EOF"},
                    {"members=2&cut=20", "unexpected EOF"}}) {
                Response resp = t.roundTrip(LocalServer.newRequest("GET", base + "/gzip?" + c[0]));
                IOException e = assertThrows(IOException.class, () -> readAll(resp), c[0]);
                assertEquals(c[1], e.getMessage(), c[0]);
            }

            Request lying = Requests.newRequest(nethttp.core.Context.background(), "POST", base + "/gzip", "hello world");
            lying.contentLength = 5;
            IOException e = assertThrows(IOException.class, () -> t.roundTrip(lying));
            assertEquals("http: ContentLength=5 with Body length 11", e.getMessage());
            assertInstanceOf(nethttp.core.ProtocolException.class, e);
            assertEquals(memberText(1), readAll(t.roundTrip(LocalServer.newRequest("GET", base + "/gzip?members=1"))));
        } finally {
            go.destroyForcibly();
            go.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void pythonHttpServer(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("hello.txt"), "hello from a file\n");
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Process py = new ProcessBuilder("python3", "-u", "-m", "http.server", Integer.toString(port), "--bind", "127.0.0.1",
                "--directory", dir.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            py.getOutputStream().close();
            awaitLine(py, l -> l.startsWith("Serving HTTP"));
            String base = "http://127.0.0.1:" + port;
            Transport t = new Transport();
            for (int i = 0; i < 2; i++) {
                Response resp = t.roundTrip(LocalServer.newRequest("GET", base + "/hello.txt"));
                assertEquals(200, resp.statusCode);
                assertEquals("HTTP/1.0", resp.proto);
                assertTrue(resp.close, "an HTTP/1.0 server without keep-alive closes");
                assertEquals(18, resp.contentLength);
                assertEquals("hello from a file\n", readAll(resp));
            }
            assertEquals(2, t.dialCount(), "nothing to reuse after an HTTP/1.0 response");
            assertEquals(0, t.idleConnCount());

            Response head = t.roundTrip(LocalServer.newRequest("HEAD", base + "/hello.txt"));
            assertEquals(18, head.contentLength);
            assertEquals("", readAll(head));
            Response missing = t.roundTrip(LocalServer.newRequest("GET", base + "/missing.txt"));
            assertEquals(404, missing.statusCode);
            assertFalse(readAll(missing).isEmpty());
        } finally {
            py.destroyForcibly();
            py.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
