package nethttp.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nethttp.client.Client;
import nethttp.client.Requests;
import nethttp.core.Context;
import nethttp.core.NetAddr;
import nethttp.core.Request;
import nethttp.core.Response;
import nethttp.event.EventBus;
import nethttp.event.TraceFormat;
import nethttp.server.Server;
import nethttp.server.ServerClosedException;
import nethttp.transport.GetConnStrategy;
import nethttp.transport.Transport;

/**
 * The command line: {@code serve} runs the demo server; {@code get} and {@code post} fetch a URL
 * with the client and print the response.
 *
 * <pre>
 * serve [--addr HOST:PORT] [--trace] [--read-header-timeout DUR] [--idle-timeout DUR]
 *       [--read-timeout DUR] [--write-timeout DUR]
 * get URL [--header 'K: V']... [--trace] [--strategy go1.12|go1.13] [--repeat N] [--timeout DUR]
 * post URL [--data TEXT | --data-file FILE] [the options of get]
 * </pre>
 *
 * Durations are written as Go writes them: {@code 500ms}, {@code 5s}, {@code 1m}.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help") || args[0].equals("help")) {
            out.println(usage());
            return args.length == 0 ? 2 : 0;
        }
        List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
        try {
            return switch (args[0]) {
                case "serve" -> serve(rest, out);
                case "get" -> fetch("GET", rest, out, err);
                case "post" -> fetch("POST", rest, out, err);
                default -> {
                    err.println("unknown command: " + args[0]);
                    err.println(usage());
                    yield 2;
                }
            };
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(usage());
            return 2;
        }
    }

    static String usage() {
        return """
                usage: nethttp <command> [options]

                commands:
                  serve   run the demo server (routes /, /echo, /stream, /slow)
                          --addr HOST:PORT          where to listen (default 127.0.0.1:8080)
                          --trace                   print connection, thread and exchange events
                          --read-timeout DUR        e.g. 10s (default none)
                          --read-header-timeout DUR e.g. 5s  (default none)
                          --write-timeout DUR       (default none)
                          --idle-timeout DUR        (default none)
                  get URL fetch URL and print the status line, header and body
                          --header 'K: V'           add a header field (repeatable)
                          --trace                   print the transport's events as they happen
                          --strategy go1.12|go1.13  how to find a connection (default go1.13)
                          --repeat N                fetch N times on one transport (default 1)
                          --timeout DUR             the client's time limit per fetch (default none)
                  post URL like get, with a body
                          --data TEXT               the body, as UTF-8 (default text/plain)
                          --data-file FILE          the body, read from FILE (default application/octet-stream)""";
    }

    private static int serve(List<String> opts, PrintStream out) throws IOException {
        Server srv = new Server();
        srv.addr = "127.0.0.1:8080";
        boolean trace = false;
        for (int i = 0; i < opts.size(); i++) {
            String o = opts.get(i);
            switch (o) {
                case "--trace" -> trace = true;
                case "--addr" -> srv.addr = value(opts, ++i, o);
                case "--read-timeout" -> srv.readTimeout = duration(value(opts, ++i, o));
                case "--read-header-timeout" -> srv.readHeaderTimeout = duration(value(opts, ++i, o));
                case "--write-timeout" -> srv.writeTimeout = duration(value(opts, ++i, o));
                case "--idle-timeout" -> srv.idleTimeout = duration(value(opts, ++i, o));
                default -> throw new IllegalArgumentException("unknown option: " + o);
            }
        }
        srv.handler = DemoRoutes.handler();
        if (trace) {
            TraceFormat format = new TraceFormat(System.nanoTime());
            srv.events.subscribe(e -> out.println(format.format(e)));
        }
        ServerSocket ss = Server.listen(srv.addr);
        var bound = (InetSocketAddress) ss.getLocalSocketAddress();
        out.println("serving on http://" + NetAddr.of(bound) + "/  (routes: /, /echo, /stream, /slow; Ctrl-C stops)");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                srv.shutdown(Duration.ofSeconds(5));
            } catch (Exception e) {
                try {
                    srv.close();
                } catch (IOException ignored) {
                    // exiting anyway
                }
            }
        }));
        try {
            srv.serve(ss);
        } catch (ServerClosedException e) {
            return 0;
        }
        return 0;
    }

    /** What {@code get} and {@code post} were asked to do. */
    private static final class FetchOptions {
        String url;
        final List<String> headers = new ArrayList<>();
        boolean trace;
        GetConnStrategy strategy = GetConnStrategy.GO_1_13;
        int repeat = 1;
        Duration timeout = Duration.ZERO;
        byte[] data;
        String defaultContentType;
    }

    private static byte[] readFile(String name) {
        try {
            return Files.readAllBytes(Path.of(name));
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException("cannot read " + name + ": " + e);
        }
    }

    private static FetchOptions fetchOptions(String method, List<String> opts) {
        FetchOptions f = new FetchOptions();
        for (int i = 0; i < opts.size(); i++) {
            String o = opts.get(i);
            switch (o) {
                case "--header" -> f.headers.add(value(opts, ++i, o));
                case "--trace" -> f.trace = true;
                case "--strategy" -> f.strategy = strategy(value(opts, ++i, o));
                case "--repeat" -> f.repeat = positive(value(opts, ++i, o), o);
                case "--timeout" -> f.timeout = duration(value(opts, ++i, o));
                case "--data", "--data-file" -> {
                    if (!method.equals("POST")) throw new IllegalArgumentException(o + " is an option of post");
                    if (f.data != null) throw new IllegalArgumentException("give --data or --data-file once");
                    String v = value(opts, ++i, o);
                    f.data = o.equals("--data") ? v.getBytes(java.nio.charset.StandardCharsets.UTF_8) : readFile(v);
                    f.defaultContentType = o.equals("--data") ? "text/plain; charset=utf-8" : "application/octet-stream";
                }
                default -> {
                    if (o.startsWith("--") || f.url != null) throw new IllegalArgumentException("unknown option: " + o);
                    f.url = o;
                }
            }
        }
        if (f.url == null) throw new IllegalArgumentException(method.toLowerCase() + " needs a URL");
        return f;
    }

    /** The transport of {@code get} and {@code post}: Go's {@code DefaultTransport}, finding connections the chosen way. */
    static Transport transport(GetConnStrategy strategy) {
        Transport transport = Transport.defaultTransport();
        transport.getConnStrategy = strategy;
        return transport;
    }

    /**
     * Fetches the URL {@code --repeat} times with one client and one transport (Go's
     * {@code DefaultTransport} settings, as a Go program's {@code http.Get} has), so that the
     * second fetch can reuse the first one's connection, and prints each response: status line,
     * header fields, a blank line, the body. With {@code --trace}, the transport's events are
     * printed as they happen, between the responses.
     */
    private static int fetch(String method, List<String> opts, PrintStream out, PrintStream err) throws IOException {
        FetchOptions f = fetchOptions(method, opts);
        Transport transport = transport(f.strategy);
        Client client = new Client();
        client.transport = transport;
        client.timeout = f.timeout;
        EventBus.Subscription sub = null;
        if (f.trace) {
            TraceFormat format = new TraceFormat(System.nanoTime());
            sub = transport.events.subscribe(e -> out.println(format.format(e)));
        }
        try {
            for (int i = 0; i < f.repeat; i++) {
                Response resp;
                try {
                    Request req = Requests.newRequest(Context.background(), method, f.url, f.data);
                    for (String h : f.headers) addHeader(req, h);
                    if (f.defaultContentType != null && !req.header.has("Content-Type")) {
                        req.header.set("Content-Type", f.defaultContentType);
                    }
                    resp = client.send(req);
                } catch (IOException e) {
                    err.println(e.getMessage());
                    return 1;
                }
                IOException bodyErr = printResponse(resp, out);
                if (bodyErr != null) {
                    err.println(bodyErr.getMessage() != null ? bodyErr.getMessage() : bodyErr.toString());
                    return 1;
                }
            }
        } finally {
            if (sub != null) sub.close();
            transport.closeIdleConnections();
        }
        return 0;
    }

    private static void addHeader(Request req, String field) {
        int colon = field.indexOf(':');
        if (colon <= 0) throw new IllegalArgumentException("--header wants 'Key: value', not " + field);
        req.header.add(field.substring(0, colon).trim(), field.substring(colon + 1).trim());
    }

    /**
     * Prints the status line, the header fields, a blank line and the body, which is copied as
     * it arrives: a body larger than memory, or one that never ends, streams through. Returns
     * the error that stopped the body midway, or null.
     */
    private static IOException printResponse(Response resp, PrintStream out) {
        StringBuilder head = new StringBuilder(resp.proto + " " + resp.status + "\n");
        for (Map.Entry<String, List<String>> field : resp.header.asMap().entrySet()) {
            for (String v : field.getValue()) head.append(field.getKey()).append(": ").append(v).append('\n');
        }
        out.print(head.append('\n'));
        byte[] buf = new byte[32 * 1024];
        byte last = '\n';
        IOException failure = null;
        try (InputStream in = resp.body) {
            for (int n; (n = in.read(buf)) >= 0; ) {
                if (n == 0) continue;
                out.write(buf, 0, n);
                last = buf[n - 1];
            }
        } catch (IOException e) {
            failure = e;
        }
        if (last != '\n') out.println();
        out.flush();
        return failure;
    }

    private static GetConnStrategy strategy(String s) {
        return switch (s) {
            case "go1.12" -> GetConnStrategy.GO_1_12;
            case "go1.13" -> GetConnStrategy.GO_1_13;
            default -> throw new IllegalArgumentException("--strategy is go1.12 or go1.13, not " + s);
        };
    }

    private static int positive(String s, String name) {
        try {
            int n = Integer.parseInt(s);
            if (n > 0) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " wants a positive number, not " + s);
    }

    private static String value(List<String> opts, int i, String name) {
        if (i >= opts.size()) throw new IllegalArgumentException(name + " needs a value");
        return opts.get(i);
    }

    /** Parses {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}. */
    static Duration duration(String s) {
        try {
            if (s.endsWith("ms")) return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
            long n = Long.parseLong(s.substring(0, s.length() - 1));
            return switch (s.charAt(s.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> throw new IllegalArgumentException("bad duration: " + s);
            };
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("bad duration: " + s);
        }
    }
}
