package nethttp.client;

import static nethttp.transport.LocalServer.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nethttp.cookiejar.MemoryCookieJar;
import nethttp.core.Context;
import nethttp.core.Cookie;
import nethttp.core.Flusher;
import nethttp.core.Request;
import nethttp.core.Response;
import nethttp.transport.LocalServer;
import nethttp.url.URL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client's timeout over a whole exchange, and its cookie jar, against this project's server. */
@Timeout(30)
class ClientTimeoutAndCookiesTest {

    @Test
    void timeoutWhileAwaitingHeaders() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (LocalServer s = new LocalServer((w, r) -> release.await(10, TimeUnit.SECONDS))) {
            Client c = new Client();
            c.timeout = Duration.ofMillis(200);
            String u = "http://" + s.hostPort() + "/slow";
            long start = System.nanoTime();
            ClientException e = assertThrows(ClientException.class, () -> c.get(u));
            long took = System.nanoTime() - start;
            release.countDown();
            assertEquals("Get \"" + u + "\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)", e.getMessage());
            assertTrue(e.isTimeout());
            assertInstanceOf(ClientTimeoutException.class, e.getCause());
            assertTrue(took >= Duration.ofMillis(200).toNanos(), "not before the deadline");
        }
    }

    @Test
    void timeoutWhileReadingTheBody() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (LocalServer s = new LocalServer((w, r) -> {
            w.header().set("Content-Length", "10");
            w.writeString("abc");
            ((Flusher) w).flush();
            release.await(10, TimeUnit.SECONDS);
        })) {
            Client c = new Client();
            c.timeout = Duration.ofSeconds(1); // room for the header to arrive on a busy machine
            Response resp = c.get("http://" + s.hostPort() + "/slowbody");
            assertEquals(200, resp.statusCode);
            try (InputStream body = resp.body) {
                byte[] first = body.readNBytes(3);
                assertEquals("abc", new String(first, java.nio.charset.StandardCharsets.ISO_8859_1));
                IOException e = assertThrows(IOException.class, body::read);
                assertEquals("context deadline exceeded (Client.Timeout or context cancellation while reading body)", e.getMessage());
                assertInstanceOf(ClientTimeoutException.class, e);
            } finally {
                release.countDown();
            }
        }
    }

    @Test
    void aBodyReadInTimeIsUnaffectedAndAnEarlierContextDeadlineWins() throws Exception {
        try (LocalServer s = new LocalServer((w, r) -> w.writeString("quick"))) {
            Client c = new Client();
            c.timeout = Duration.ofSeconds(5);
            assertEquals("quick", readAll(c.get("http://" + s.hostPort() + "/")));

            CountDownLatch release = new CountDownLatch(1);
            try (LocalServer slow = new LocalServer((w, r) -> release.await(10, TimeUnit.SECONDS))) {
                Context.Cancelable ctx = Context.withTimeout(Context.background(), Duration.ofMillis(100));
                Request req = Requests.newRequest(ctx, "GET", "http://" + slow.hostPort() + "/", (byte[]) null);
                ClientException e = assertThrows(ClientException.class, () -> c.send(req));
                release.countDown();
                assertEquals("Get \"http://" + slow.hostPort() + "/\": context deadline exceeded", e.getMessage(),
                        "the request's own deadline is not the client's timeout");
                assertTrue(e.isTimeout());
            }
        }
    }

    @Test
    void jarCarriesCookiesAcrossRequestsAndRedirects() throws Exception {
        try (LocalServer s = new LocalServer((w, r) -> {
            switch (r.url.path) {
                case "/login" -> {
                    w.header().add("Set-Cookie", "session=abc; Path=/; HttpOnly");
                    w.header().add("Set-Cookie", "pref=dark; Path=/app");
                    w.header().set("Location", "/app/home");
                    w.writeHeader(303);
                }
                case "/logout" -> {
                    w.header().add("Set-Cookie", "session=; Path=/; Max-Age=0");
                    w.writeString("bye");
                }
                default -> w.writeString(r.url.path + " cookie=" + r.header.get("Cookie"));
            }
        })) {
            Client c = new Client();
            MemoryCookieJar jar = new MemoryCookieJar();
            c.jar = jar;
            String base = "http://" + s.hostPort();
            assertEquals("/app/home cookie=pref=dark; session=abc", readAll(c.get(base + "/login")),
                    "cookies of the redirect response go with the redirect; longer paths first");
            assertEquals("/other cookie=session=abc", readAll(c.get(base + "/other")));
            assertEquals(List.of("pref=dark", "session=abc"),
                    jar.cookies(URL.parse(base + "/app/x")).stream().map(Cookie::toString).toList());
            assertEquals("bye", readAll(c.get(base + "/logout")));
            assertEquals("/other cookie=", readAll(c.get(base + "/other")));
        }
    }

    @Test
    void aCookieSetByHandIsReplacedByTheJarsNewerOneOnRedirect() throws Exception {
        try (LocalServer s = new LocalServer((w, r) -> {
            if (r.url.path.equals("/start")) {
                w.header().add("Set-Cookie", "a=new");
                w.header().set("Location", "/end");
                w.writeHeader(302);
            } else {
                w.writeString("cookie=" + r.header.get("Cookie"));
            }
        })) {
            Client c = new Client();
            c.jar = new MemoryCookieJar();
            Request req = Requests.newRequest("GET", "http://" + s.hostPort() + "/start");
            req.header.set("Cookie", "b=2; a=old");
            assertEquals("cookie=b=2; a=new", readAll(c.send(req)));
        }
    }
}
