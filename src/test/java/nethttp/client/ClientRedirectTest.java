package nethttp.client;

import static nethttp.transport.LocalServer.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import nethttp.core.Context;
import nethttp.core.Cookie;
import nethttp.core.Handler;
import nethttp.core.Request;
import nethttp.core.Response;
import nethttp.core.ResponseWriter;
import nethttp.transport.LocalServer;
import nethttp.transport.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client's redirect rules against this project's server on 127.0.0.1. The expected texts
 * and outcomes were checked with Go 1.19's client against a Go server with the same handlers.
 */
@Timeout(30)
class ClientRedirectTest {

    /** Echoes what arrived: method, target, length, body and the fields a redirect may change. */
    static void echo(ResponseWriter w, Request r) throws IOException {
        String body = new String(r.body.readAllBytes(), StandardCharsets.ISO_8859_1);
        w.header().set("X-Method", r.method);
        w.writeString(r.method + " " + r.url.requestURI() + " cl=" + r.contentLength + " body=" + body
                + " ref=" + r.header.get("Referer") + " auth=" + r.header.get("Authorization")
                + " cookie=" + r.header.get("Cookie") + " other=" + r.header.get("X-Other") + " host=" + r.host);
    }

    /** Routes: /echo; /to/CODE?loc redirects with CODE to the (unescaped) query; /loop redirects to itself. */
    static final Handler ROUTES = (w, r) -> {
        String p = r.url.path;
        if (p.equals("/echo")) {
            echo(w, r);
        } else if (p.startsWith("/to/")) {
            w.header().set("Location", nethttp.url.Escaping.queryUnescape(r.url.rawQuery));
            w.writeHeader(Integer.parseInt(p.substring(4)));
        } else if (p.startsWith("/a/")) {
            w.header().set("Location", "../echo?from=a"); // relative to /a/b: /echo
            w.writeHeader(302);
        } else if (p.equals("/loop")) {
            w.header().set("Location", "/loop");
            w.writeHeader(302);
            w.writeString("looping");
        } else if (p.equals("/badloc")) {
            w.header().set("Location", "http://[::1");
            w.writeHeader(302);
        } else if (p.equals("/noloc")) {
            w.writeHeader(302);
            w.writeString("nowhere");
        } else {
            w.writeHeader(404);
        }
    };

    @Test
    void status301To303TurnIntoGetWithoutBody() throws Exception {
        try (LocalServer s = new LocalServer(ROUTES)) {
            Client c = new Client();
            for (int code : new int[] {301, 302, 303}) {
                String from = "http://" + s.hostPort() + "/to/" + code + "?/echo";
                Response resp = c.post(from, "text/plain", "hi");
                assertEquals(200, resp.statusCode);
                assertEquals("GET /echo cl=0 body= ref=" + from + " auth= cookie= other= host=" + s.hostPort(),
                        readAll(resp), "after " + code);
                assertEquals("http://" + s.hostPort() + "/echo", resp.request.url.toString());
            }
        }
    }

    @Test
    void status307And308KeepMethodAndBody() throws Exception {
        try (LocalServer s = new LocalServer(ROUTES)) {
            Client c = new Client();
            for (int code : new int[] {307, 308}) {
                String from = "http://" + s.hostPort() + "/to/" + code + "?/echo";
                Request req = Requests.newRequest(Context.background(), "PUT", from, "hi there");
                Response resp = c.send(req);
                assertEquals("PUT /echo cl=8 body=hi there ref=" + from + " auth= cookie= other= host=" + s.hostPort(),
                        readAll(resp), "after " + code);
            }
        }
    }

    @Test
    void headStaysHeadOn301() throws Exception {
        try (LocalServer s = new LocalServer(ROUTES)) {
            Response resp = new Client().head("http://" + s.hostPort() + "/to/301?/echo");
            assertEquals(200, resp.statusCode);
            assertEquals("HEAD", resp.header.get("X-Method"));
            assertEquals("", readAll(resp));
        }
    }

    @Test
    void status307WithABodyThatCannotBeReopenedIsReturned() throws Exception {
        try (LocalServer s = new LocalServer(ROUTES)) {
            Response resp = new Client().post("http://" + s.hostPort() + "/to/307?/echo", "text/plain",
                    new ByteArrayInputStream("hi".getBytes(StandardCharsets.ISO_8859_1)));
            assertEquals(307, resp.statusCode);
            assertEquals("/echo", resp.header.get("Location"));
            readAll(resp);
        }
    }

    @Test
    void tenRedirectsAtMost() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        try (LocalServer s = new LocalServer((w, r) -> {
            hits.incrementAndGet();
            ROUTES.serveHTTP(w, r);
        })) {
            ClientException e = assertThrows(ClientException.class, () -> new Client().get("http://" + s.hostPort() + "/loop"));
            assertEquals("Get \"/loop\": stopped after 10 redirects", e.getMessage());
            assertEquals(10, hits.get(), "Go sends ten requests: the tenth redirect is the one refused");
            assertEquals(302, e.response().statusCode);
        }
    }

    @Test
    void checkRedirectSeesTheChainAndCanRefuse() throws Exception {
        try (LocalServer s = new LocalServer(ROUTES)) {
            List<Integer> viaSizes = new CopyOnWriteArrayList<>();
            Client c = new Client();
            c.checkRedirect = (req, via) -> {
                viaSizes.add(via.size());
                assertEquals("GET", via.get(0).method);
                if (via.size() == 3) throw new IOException("no thanks");
            };
            ClientException e = assertThrows(ClientException.class, () -> c.get("http://" + s.hostPort() + "/loop"));
            assertEquals("Get \"/loop\": no thanks", e.getMessage());
            assertEquals(List.of(1, 2, 3), viaSizes);
            Response refused = e.response();
            assertEquals(302, refused.statusCode);
            IOException closed = assertThrows(IOException.class, () -> refused.body.read(), "its body was drained and closed");
            assertEquals("http: read on closed response body", closed.getMessage());
        }
    }

    @Test
    void useLastResponseReturnsTheRedirectWithItsBodyUnread() throws Exception {
        try (LocalServer s = new LocalServer(ROUTES)) {
            Client c = new Client();
            c.checkRedirect = (req, via) -> {
                throw new UseLastResponseException();
            };
            Response resp = c.get("http://" + s.hostPort() + "/loop");
            assertEquals(302, resp.statusCode);
            assertEquals("looping", readAll(resp));
        }
    }

    @Test
    void locationIsResolvedAgainstTheRequestUrl() throws Exception {
        try (LocalServer s = new LocalServer(ROUTES)) {
            Client c = new Client();
            Response resp = c.get("http://" + s.hostPort() + "/a/b?q=1");
            assertTrue(readAll(resp).startsWith("GET /echo?from=a "));
            resp = c.get("http://" + s.hostPort() + "/to/302?..%2Fecho%3Fx");
            assertTrue(readAll(resp).startsWith("GET /echo?x "), "../echo?x from /to/302");
        }
    }

    @Test
    void redirectWithoutLocationIsTheAnswer() throws Exception {
        try (LocalServer s = new LocalServer(ROUTES)) {
            Response resp = new Client().get("http://" + s.hostPort() + "/noloc");
            assertEquals(302, resp.statusCode);
            assertEquals("nowhere", readAll(resp));
        }
    }

    @Test
    void unparsableLocationFailsWithGoText() throws Exception {
        try (LocalServer s = new LocalServer(ROUTES)) {
            String u = "http://" + s.hostPort() + "/badloc";
            ClientException e = assertThrows(ClientException.class, () -> new Client().get(u));
            assertEquals("Get \"" + u + "\": failed to parse Location header \"http://[::1\": parse \"http://[::1\": missing ']' in host",
                    e.getMessage());
        }
    }

    /** A transport whose dialer sends every host to the test server, so other names can stand for other hosts. */
    private static Transport allTo(LocalServer s) {
        Transport t = new Transport();
        t.dialer = (ctx, network, addr) -> new Socket(s.addr.getAddress(), s.addr.getPort());
        return t;
    }

    @Test
    void credentialsStayWithTheirHostButOtherFieldsFollow() throws Exception {
        try (LocalServer s = new LocalServer(ROUTES)) {
            Client c = new Client();
            c.transport = allTo(s);
            int port = s.addr.getPort();
            String[][] cases = {
                // target of the redirect, whether Authorization and Cookie arrive
                {"http://other.test:" + port + "/echo", "false"},
                {"http://sub.example.test:" + port + "/echo", "true"},
                {"http://example.test:" + (port == 65535 ? 1 : port + 1) + "/echo", "false"}, // another port is another host
                {"/echo", "true"},
            };
            for (String[] k : cases) {
                String start = "http://example.test:" + port + "/to/302?" + k[0].replace(":", "%3A").replace("/", "%2F");
                Request req = Requests.newRequest("GET", start);
                req.header.set("Authorization", "Bearer t");
                req.header.set("Cookie", "a=1");
                req.header.set("X-Other", "kept");
                String body = readAll(c.send(req));
                boolean creds = Boolean.parseBoolean(k[1]);
                assertTrue(body.contains(creds ? " auth=Bearer t cookie=a=1 " : " auth= cookie= "), k[0] + ": " + body);
                assertTrue(body.contains(" other=kept "), body);
                assertTrue(body.contains(" ref=" + start + " "), body);
            }
        }
    }

    @Test
    void customHostSurvivesOnlyARelativeRedirect() throws Exception {
        try (LocalServer s = new LocalServer(ROUTES)) {
            Client c = new Client();
            Request req = Requests.newRequest("GET", "http://" + s.hostPort() + "/to/302?/echo");
            req.host = "virtual.test";
            assertTrue(readAll(c.send(req)).endsWith(" host=virtual.test"));
            req = Requests.newRequest("GET", "http://" + s.hostPort() + "/to/302?http%3A%2F%2F" + s.hostPort() + "%2Fecho");
            req.host = "virtual.test";
            assertTrue(readAll(c.send(req)).endsWith(" host=" + s.hostPort()));
        }
    }

    @Test
    void userInfoBecomesBasicAuthAndItsPasswordIsHiddenInErrors() throws Exception {
        try (LocalServer s = new LocalServer(ROUTES)) {
            Client c = new Client();
            String body = readAll(c.get("http://ann:secret@" + s.hostPort() + "/echo"));
            assertTrue(body.contains(" auth=Basic YW5uOnNlY3JldA== "), body);
            assertTrue(body.contains(" ref= "), "the first request has no Referer");

            ClientException e = assertThrows(ClientException.class, () -> c.get("http://ann:secret@" + s.hostPort() + "/badloc"));
            assertTrue(e.getMessage().startsWith("Get \"http://ann:***@" + s.hostPort() + "/badloc\": "), e.getMessage());
        }
    }

    @Test
    void refererDropsUserInfo() throws Exception {
        try (LocalServer s = new LocalServer(ROUTES)) {
            String body = readAll(new Client().get("http://ann:secret@" + s.hostPort() + "/to/302?/echo"));
            assertTrue(body.contains(" ref=http://" + s.hostPort() + "/to/302?/echo "), body);
        }
    }

    @Test
    void transportErrorsNameTheOperationAndUrl() throws Exception {
        ClientException e = assertThrows(ClientException.class, () -> new Client().get("ftp://x/"));
        assertEquals("Get \"ftp://x/\": unsupported protocol scheme \"ftp\"", e.getMessage());
        Request req = Requests.newRequest("PATCH", "ftp://x/");
        e = assertThrows(ClientException.class, () -> new Client().send(req));
        assertTrue(e.getMessage().startsWith("Patch \"ftp://x/\": "), e.getMessage());
        Request served = Requests.newRequest("GET", "http://x/");
        served.requestURI = "/";
        e = assertThrows(ClientException.class, () -> new Client().send(served));
        assertEquals("Get \"http://x/\": http: Request.RequestURI can't be set in client requests", e.getMessage());
    }

    @Test
    void redirectsBetweenHopsReuseTheConnection() throws Exception {
        try (LocalServer s = new LocalServer(ROUTES)) {
            Transport t = new Transport();
            Client c = new Client();
            c.transport = t;
            readAll(c.get("http://" + s.hostPort() + "/to/302?/to/301%3F%2Fecho"));
            assertEquals(1, t.dialCount(), "small redirect bodies are drained, so one connection serves the chain");
        }
    }

    @Test
    void postFormEncodesSortedEscapedPairs() throws Exception {
        try (LocalServer s = new LocalServer(ROUTES)) {
            java.util.Map<String, List<String>> form = new java.util.LinkedHashMap<>();
            form.put("z", List.of("1"));
            form.put("a b", new ArrayList<>(List.of("x&y", "é")));
            String body = readAll(new Client().postForm("http://" + s.hostPort() + "/echo", form));
            assertTrue(body.startsWith("POST /echo cl=24 body=a+b=x%26y&a+b=%C3%A9&z=1 "), body);
        }
    }

    @Test
    void nilUrlFails() {
        Request req = new Request();
        req.url = null;
        ClientException e = assertThrows(ClientException.class, () -> new Client().send(req));
        assertEquals("Get \"\": http: nil Request.URL", e.getMessage());
        assertNull(e.response());
        assertNotNull(e.getCause());
    }
}
