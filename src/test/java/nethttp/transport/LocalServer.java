package nethttp.transport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import nethttp.core.Handler;
import nethttp.core.Request;
import nethttp.core.Response;
import nethttp.server.Server;
import nethttp.server.ServerClosedException;
import nethttp.url.URL;
import nethttp.url.URLException;

/** This project's server on 127.0.0.1 with a free port, for one test. */
public final class LocalServer implements AutoCloseable {
    public final Server srv = new Server();
    public final InetSocketAddress addr;
    public final List<String> log = new CopyOnWriteArrayList<>();

    public LocalServer(Handler h) throws IOException {
        this(h, s -> {});
    }

    public LocalServer(Handler h, Consumer<Server> configure) throws IOException {
        srv.handler = h;
        configure.accept(srv);
        srv.errorLog = log::add;
        ServerSocket ss = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        addr = (InetSocketAddress) ss.getLocalSocketAddress();
        Thread.ofVirtual().start(() -> {
            try {
                srv.serve(ss);
            } catch (ServerClosedException expected) {
                // closed by the test
            } catch (IOException e) {
                log.add("serve: " + e);
            }
        });
    }

    public String hostPort() {
        return "127.0.0.1:" + addr.getPort();
    }

    public Request get(String path) throws IOException {
        return request("GET", path);
    }

    public Request request(String method, String path) throws IOException {
        return newRequest(method, "http://" + hostPort() + path);
    }

    /** A request as Go's NewRequest makes one: no body (null), host from the URL. */
    public static Request newRequest(String method, String url) throws IOException {
        Request r = new Request();
        r.method = method;
        try {
            r.url = URL.parse(url);
        } catch (URLException e) {
            throw new IOException(e);
        }
        r.host = r.url.host;
        r.body = null;
        return r;
    }

    /** The body of {@code resp}, read to its end and closed, one char per byte. */
    public static String readAll(Response resp) throws IOException {
        try (InputStream b = resp.body) {
            return new String(b.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Override
    public void close() throws IOException {
        srv.close();
    }
}
