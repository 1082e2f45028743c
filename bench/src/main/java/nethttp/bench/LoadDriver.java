package nethttp.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The end-to-end benchmark. Every server runs pinned to core 0 and every load generator to core 1,
 * all on 127.0.0.1; each step is bounded in time and every process started here is stopped.
 *
 * <ol>
 *   <li>Throughput: wrk against the demo server's hello route on this project's server, on the
 *       JDK's {@code com.sun.net.httpserver} (virtual threads, {@code nodelay}), and on Go's
 *       net/http when {@code go} is installed, at 50, 400 and 1000 connections.
 *   <li>Memory per idle keep-alive connection: 10,000 connections (fewer if file descriptors do
 *       not allow), one request each, then left open; the server's RSS before and after.
 *   <li>Client: {@link ClientBench}, the Transport against {@code java.net.http.HttpClient}.
 * </ol>
 *
 * Results go to {@code results/RESULTS.md} and {@code results/throughput.png}.
 *
 * <p>Options: {@code --quick} (3 s per point, for trying the harness), {@code --jfr} (record
 * this project's server at 50 connections to {@code target/bench/ours.jfr}), {@code --skip-go}.
 */
public final class LoadDriver {
    static final int[] CONNECTIONS = {50, 400, 1000};
    static final int IDLE_CONNECTIONS = 10_000;
    static final String HEAP = "-Xmx512m";
    /**
     * Two carrier threads for the virtual threads of a JVM server, on its one core. With the
     * default of one carrier per core, a few connections at a time wait hundreds of milliseconds
     * (p99 from 100 ms to over a second, changing from run to run) while the median stays below
     * a millisecond; with two carriers sharing the same core the tail stays near the median's
     * order, at about the same throughput.
     */
    static final String CARRIERS = "-Djdk.virtualThreadScheduler.parallelism=2";

    private final int seconds;
    private final int warmup;
    private final boolean jfr;
    private final boolean useGo;
    private final Path work = Path.of("target", "bench");
    private final Path results = Path.of("results");
    private final String javaBin = ProcessHandle.current().info().command().orElse("java");
    private final String classpath = System.getProperty("java.class.path");
    private final List<Process> started = new CopyOnWriteArrayList<>();

    record Peer(String name, String label, List<String> command) {}

    record WrkResult(double rps, double p50ms, double p99ms, long socketErrors, long non2xx) {}

    record Memory(String peer, int connections, long rssBeforeKb, long rssAfterKb) {
        double perConnectionKb() {
            return (rssAfterKb - rssBeforeKb) / (double) connections;
        }
    }

    LoadDriver(boolean quick, boolean jfr, boolean useGo) {
        this.seconds = quick ? 3 : 10;
        this.warmup = quick ? 2 : 8;
        this.jfr = jfr;
        this.useGo = useGo;
    }

    public static void main(String[] args) throws Exception {
        List<String> opts = List.of(args);
        boolean go = !opts.contains("--skip-go") && Machine.firstLine("go", "version") != null;
        LoadDriver d = new LoadDriver(opts.contains("--quick"), opts.contains("--jfr"), go);
        Runtime.getRuntime().addShutdownHook(new Thread(d::stopAll));
        try {
            d.run();
        } finally {
            d.stopAll();
        }
        System.exit(0);
    }

    void run() throws Exception {
        Files.createDirectories(work);
        Files.createDirectories(results);
        require("taskset", "--version");
        require("wrk", "-v");
        double loadBefore = Machine.loadAverage();
        List<Peer> peers = new ArrayList<>();
        peers.add(ours(jfr));
        peers.add(jdk());
        if (useGo) peers.add(go());

        Map<String, Map<Integer, WrkResult>> throughput = new LinkedHashMap<>();
        for (Peer p : peers) throughput.put(p.label(), throughput(p));

        List<Memory> memory = new ArrayList<>();
        memory.add(idleMemory(ours(false)));
        if (useGo) memory.add(idleMemory(go()));

        Peer clientTarget = useGo ? go() : ours(false);
        Map<String, Double> client = clients(clientTarget);
        double loadAfter = Machine.loadAverage();

        Report report = new Report(peers, throughput, memory, client, clientTarget.label(), seconds, loadBefore, loadAfter);
        Files.writeString(results.resolve("RESULTS.md"), report.markdown(useGo ? Machine.firstLine("go", "version") : null,
                Machine.firstLine("wrk", "-v")));
        report.chart(results.resolve("throughput.png").toFile());
        System.out.println("wrote " + results.resolve("RESULTS.md").toAbsolutePath());
    }

    // ---- the peers ----

    Peer ours(boolean record) {
        List<String> cmd = new ArrayList<>(List.of(javaBin, HEAP, CARRIERS));
        if (record) {
            // Record the 50-connection run: it starts after the warm-up.
            cmd.add("-XX:StartFlightRecording=delay=" + (warmup + 1) + "s,duration=" + seconds + "s,settings=profile,filename="
                    + work.resolve("ours.jfr").toAbsolutePath());
        }
        cmd.addAll(List.of("-cp", classpath, "nethttp.demo.Main", "serve", "--addr", "127.0.0.1:" + freePort()));
        return new Peer("ours", "nethttp", cmd);
    }

    Peer jdk() {
        return new Peer("jdk", "JDK HttpServer", List.of(javaBin, HEAP, CARRIERS, "-Dsun.net.httpserver.nodelay=true", "-cp", classpath,
                "nethttp.bench.JdkHelloServer", "127.0.0.1:" + freePort()));
    }

    Peer go() throws IOException, InterruptedException {
        Path bin = work.resolve("gohello").toAbsolutePath();
        if (!Files.exists(bin)) {
            Process p = new ProcessBuilder("go", "build", "-o", bin.toString(), "go/hello.go").inheritIO().start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("go build failed");
        }
        return new Peer("go", "Go net/http", List.of("env", "GOMAXPROCS=1", bin.toString(), "127.0.0.1:" + freePort()));
    }

    static int port(Peer p) {
        String last = p.command().get(p.command().size() - 1);
        return Integer.parseInt(last.substring(last.lastIndexOf(':') + 1));
    }

    /** Starts a server on core 0 with the hard file-descriptor limit, and waits until it accepts. */
    Process start(Peer p) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", "-c", "ulimit -n \"$(ulimit -Hn)\"; exec taskset -c 0 \"$@\"", "bash"));
        cmd.addAll(p.command());
        Process proc = new ProcessBuilder(cmd)
                .redirectOutput(work.resolve(p.name() + ".out").toFile())
                .redirectError(work.resolve(p.name() + ".err").toFile())
                .start();
        started.add(proc);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port(p)), 1000);
                return proc;
            } catch (IOException notYet) {
                if (!proc.isAlive()) throw new IOException(p.label() + " exited: see " + work.resolve(p.name() + ".err"));
                Thread.sleep(100);
            }
        }
        throw new IOException(p.label() + " did not start listening within 30 s");
    }

    void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        started.remove(p);
    }

    void stopAll() {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        started.clear();
    }

    // ---- throughput ----

    Map<Integer, WrkResult> throughput(Peer p) throws IOException, InterruptedException {
        Process server = start(p);
        try {
            System.out.println(p.label() + ": warm-up " + warmup + " s");
            wrk(port(p), 50, warmup);
            Map<Integer, WrkResult> byConns = new LinkedHashMap<>();
            for (int c : CONNECTIONS) {
                WrkResult r = wrk(port(p), c, seconds);
                System.out.printf("%s at %d connections: %,.0f requests/s, p50 %.2f ms, p99 %.2f ms, socket errors %d%n",
                        p.label(), c, r.rps(), r.p50ms(), r.p99ms(), r.socketErrors());
                byConns.put(c, r);
            }
            return byConns;
        } finally {
            stop(server);
        }
    }

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern PCT = Pattern.compile("^\\s+(50|99)%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
    private static final Pattern ERRORS = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern NON2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    /** Runs wrk on core 1, one thread, and reads its summary. */
    WrkResult wrk(int port, int conns, int secs) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", "ulimit -n \"$(ulimit -Hn)\"; exec taskset -c 1 \"$@\"", "bash",
                "wrk", "-t1", "-c" + conns, "-d" + secs + "s", "--timeout", "5s", "--latency",
                "http://127.0.0.1:" + port + "/")
                .redirectErrorStream(true).start();
        started.add(p);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(secs + 30L, TimeUnit.SECONDS)) p.destroyForcibly();
        started.remove(p);
        return parseWrk(out);
    }

    /** Reads wrk's summary: requests per second, the 50th and 99th latency percentiles, errors. */
    static WrkResult parseWrk(String out) throws IOException {
        Matcher rps = RPS.matcher(out);
        if (!rps.find()) throw new IOException("wrk said:\n" + out);
        double p50 = Double.NaN, p99 = Double.NaN;
        Matcher pct = PCT.matcher(out);
        while (pct.find()) {
            double v = Double.parseDouble(pct.group(2)) * switch (pct.group(3)) {
                case "us" -> 0.001;
                case "ms" -> 1;
                default -> 1000;
            };
            if (pct.group(1).equals("50")) p50 = v;
            else p99 = v;
        }
        long errors = 0;
        Matcher e = ERRORS.matcher(out);
        if (e.find()) for (int i = 1; i <= 4; i++) errors += Long.parseLong(e.group(i));
        Matcher n = NON2XX.matcher(out);
        long non2xx = n.find() ? Long.parseLong(n.group(1)) : 0;
        return new WrkResult(Double.parseDouble(rps.group(1)), p50, p99, errors, non2xx);
    }

    // ---- memory per idle connection ----

    Memory idleMemory(Peer p) throws IOException, InterruptedException {
        Process server = start(p);
        List<Socket> conns = new ArrayList<>();
        try {
            long fdLimit = ((com.sun.management.UnixOperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getMaxFileDescriptorCount();
            int n = (int) Math.min(IDLE_CONNECTIONS, fdLimit - 500);
            wrk(port(p), 50, warmup); // the same warmed-up state as the throughput runs
            settle(server);
            long before = rssKb(server.pid());
            byte[] request = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
            // Bounded in time as well: a server that slows down too much is measured with fewer.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            for (int i = 0; i < n && System.nanoTime() < deadline; i++) {
                Socket s = new Socket();
                conns.add(s);
                s.setSoLinger(true, 0); // closing resets: no TIME_WAIT left to crowd the port range
                s.connect(new InetSocketAddress("127.0.0.1", port(p)), 5000);
                s.setSoTimeout(10_000);
                exchange(s, request);
            }
            settle(server);
            long after = rssKb(server.pid());
            Memory m = new Memory(p.label(), conns.size(), before, after);
            System.out.printf("%s: %d idle connections, RSS %,d kB -> %,d kB, %.1f kB each%n",
                    p.label(), conns.size(), before, after, m.perConnectionKb());
            return m;
        } finally {
            for (Socket s : conns) s.close();
            stop(server);
        }
    }

    /** Sends one request and reads the hello reply to its last byte. */
    static void exchange(Socket s, byte[] request) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(request);
        out.flush();
        InputStream in = s.getInputStream();
        StringBuilder got = new StringBuilder();
        byte[] buf = new byte[512];
        while (!got.toString().endsWith("Hello from nethttp!\n")) {
            int n = in.read(buf);
            if (n < 0) throw new IOException("server closed the connection: " + got);
            got.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
        }
    }

    /** Lets the server finish what it was doing; a JVM is asked for a full GC first. */
    void settle(Process server) throws IOException, InterruptedException {
        boolean isJvm = server.info().command().map(c -> c.endsWith("java")).orElse(false);
        if (isJvm) {
            Path jcmd = Path.of(javaBin).resolveSibling("jcmd");
            Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(server.pid()), "GC.run")
                    .redirectErrorStream(true).redirectOutput(work.resolve("jcmd.out").toFile()).start();
            if (!gc.waitFor(30, TimeUnit.SECONDS)) gc.destroyForcibly();
        }
        Thread.sleep(2000);
    }

    static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
        throw new IOException("no VmRSS for " + pid);
    }

    // ---- the client ----

    Map<String, Double> clients(Peer target) throws IOException, InterruptedException {
        Process server = start(target);
        Map<String, Double> rps = new LinkedHashMap<>();
        try {
            String url = "http://127.0.0.1:" + port(target) + "/";
            for (String kind : List.of("transport", "jdk")) {
                Process p = new ProcessBuilder("taskset", "-c", "1", javaBin, HEAP, "-cp", classpath,
                        "nethttp.bench.ClientBench", kind, url, Integer.toString(warmup), Integer.toString(seconds))
                        .redirectErrorStream(true).start();
                started.add(p);
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(warmup + seconds + 60L, TimeUnit.SECONDS)) p.destroyForcibly();
                started.remove(p);
                Matcher m = Pattern.compile("requests/s=(\\d+) errors=(\\d+)").matcher(out);
                if (!m.find()) throw new IOException("ClientBench " + kind + " said:\n" + out);
                System.out.println("client " + kind + ": " + m.group(1) + " requests/s, errors " + m.group(2));
                rps.put(kind, Double.parseDouble(m.group(1)));
            }
        } finally {
            stop(server);
        }
        return rps;
    }

    // ---- helpers ----

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void require(String... command) throws IOException {
        if (Machine.firstLine(command) == null) throw new IOException(command[0] + " is needed: install it (Debian: apt-get install " + command[0] + ")");
    }

    static String now() {
        return ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME);
    }
}
