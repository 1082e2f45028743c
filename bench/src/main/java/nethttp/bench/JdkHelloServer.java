package nethttp.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The JDK's peer for the end-to-end benchmark: the demo server's hello route on
 * {@code com.sun.net.httpserver}, a virtual thread per exchange. Start it with
 * {@code -Dsun.net.httpserver.nodelay=true}, as the load driver does, or small replies wait for
 * Nagle's algorithm.
 *
 * <p>Usage: {@code JdkHelloServer HOST:PORT}
 */
public final class JdkHelloServer {
    private JdkHelloServer() {}

    public static void main(String[] args) throws Exception {
        String[] hp = args[0].split(":");
        byte[] hello = "Hello from nethttp!\n".getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress(hp[0], Integer.parseInt(hp[1])), 4096);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (exchange) {
                if (!exchange.getRequestURI().getPath().equals("/")) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(200, hello.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(hello);
                }
            }
        });
        server.start();
        System.out.println("serving on " + args[0]);
    }
}
