package nethttp.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nethttp.event.TraceFormat;
import nethttp.server.Server;
import nethttp.server.ServerClosedException;

/**
 * The command line: {@code serve} runs the demo server.
 *
 * <pre>
 * serve [--addr HOST:PORT] [--trace] [--read-header-timeout DUR] [--idle-timeout DUR]
 *       [--read-timeout DUR] [--write-timeout DUR]
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
                          --idle-timeout DUR        (default none)""";
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
        out.println("serving on http://" + hostPort(bound) + "/  (routes: /, /echo, /stream, /slow; Ctrl-C stops)");
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

    private static String hostPort(InetSocketAddress a) {
        String host = a.getAddress().getHostAddress();
        if (host.indexOf(':') >= 0) host = "[" + host + "]";
        return host + ":" + a.getPort();
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
