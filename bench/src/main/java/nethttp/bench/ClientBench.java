package nethttp.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import nethttp.core.Request;
import nethttp.core.Response;
import nethttp.transport.Transport;
import nethttp.url.URL;
import nethttp.url.URLException;

/**
 * The client benchmark: {@value #THREADS} virtual threads send GET requests in a loop through this
 * project's {@link Transport} or through {@code java.net.http.HttpClient} (HTTP/1.1 forced, a
 * virtual-thread executor). {@code go/client/main.go} is the same loop on Go's {@code http.Client}.
 *
 * <p>Both clients may keep one connection per thread: the Transport's {@code maxIdleConnsPerHost}
 * is raised to {@value #THREADS} (Go's default of 2 would close and redial most connections under
 * this load), and HttpClient's HTTP/1.1 pool keeps every connection by default.
 *
 * <p>It starts once and measures on demand, so that the load driver can warm it up and then
 * alternate it with Go's client: every line {@code run SECONDS} on standard input runs the loop
 * that long and prints {@code requests/s=N errors=N}; the end of input ends it.
 *
 * <p>Usage: {@code ClientBench transport|jdk URL}.
 */
public final class ClientBench {
    static final int THREADS = 50;

    private ClientBench() {}

    /** One request and its whole body; fails on any status but 200. */
    interface Fetch {
        void get() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        String url = args[1];
        Fetch fetch = switch (kind) {
            case "transport" -> transport(url);
            case "jdk" -> jdk(url);
            default -> throw new IllegalArgumentException("unknown client: " + kind);
        };
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            String[] f = line.trim().split("\\s+");
            if (f.length != 2 || !f[0].equals("run")) {
                System.out.println("error: want \"run SECONDS\"");
                continue;
            }
            double seconds = Double.parseDouble(f[1]);
            long[] result = run(fetch, Duration.ofMillis(Math.round(seconds * 1000)));
            System.out.printf("requests/s=%.0f errors=%d%n", result[0] / seconds, result[1]);
            System.out.flush();
        }
        System.exit(0);
    }

    /** Runs the threads for {@code time}; returns {requests done, errors}. */
    static long[] run(Fetch fetch, Duration time) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                while (!stop.get()) {
                    try {
                        fetch.get();
                        done.incrementAndGet();
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
            }));
        }
        Thread.sleep(time);
        stop.set(true);
        for (Thread t : threads) t.join(Duration.ofSeconds(10));
        return new long[] {done.get(), errors.get()};
    }

    static Fetch transport(String url) throws URLException {
        Transport t = new Transport();
        t.maxIdleConnsPerHost = THREADS;
        URL u = URL.parse(url);
        return () -> {
            Request req = new Request();
            req.method = "GET";
            req.url = u;
            req.host = u.host;
            req.body = null;
            Response resp = t.roundTrip(req);
            // A small buffer: readAllBytes would allocate 16 KiB per reply and show up in profiles.
            byte[] buf = new byte[256];
            try (InputStream body = resp.body) {
                while (body.read(buf) >= 0) {
                    // the reply is only counted
                }
            }
            if (resp.statusCode != 200) throw new IOException("status " + resp.statusCode);
        };
    }

    static Fetch jdk(String url) {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).GET().build();
        return () -> {
            HttpResponse<byte[]> resp = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
            if (resp.statusCode() != 200) throw new IOException("status " + resp.statusCode());
        };
    }
}
