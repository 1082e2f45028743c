package nethttp.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import nethttp.core.Handler;
import nethttp.core.Request;
import nethttp.server.Server;
import nethttp.server.ServerClosedException;
import nethttp.url.URL;

/** This project's server on 127.0.0.1 with a free port, for one test. */
final class LocalServer implements AutoCloseable {
    final Server srv = new Server();
    final InetSocketAddress addr;
    final List<String> log = new CopyOnWriteArrayList<>();

    LocalServer(Handler h) throws IOException {
        this(h, s -> {});
    }

    LocalServer(Handler h, java.util.function.Consumer<Server> configure) throws IOException {
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

    String hostPort() {
        return "127.0.0.1:" + addr.getPort();
    }

    Request get(String path) throws IOException {
        return request("GET", path);
    }

    Request request(String method, String path) throws IOException {
        return newRequest(method, "http://" + hostPort() + path);
    }

    /** A request as Go's NewRequest makes one: no body (null), host from the URL. */
    static Request newRequest(String method, String url) throws IOException {
        Request r = new Request();
        r.method = method;
        try {
            r.url = URL.parse(url);
        } catch (nethttp.url.URLException e) {
            throw new IOException(e);
        }
        r.host = r.url.host;
        r.body = null;
        return r;
    }

    @Override
    public void close() throws IOException {
        srv.close();
    }
}
