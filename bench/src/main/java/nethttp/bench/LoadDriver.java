package nethttp.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nethttp.bench.Stats.Conditions;
import nethttp.bench.Stats.Direction;
import nethttp.bench.Stats.Judgement;
import nethttp.bench.Stats.Limits;
import nethttp.bench.Stats.PairedRun;
import nethttp.bench.Stats.Summary;
import nethttp.bench.Stats.Verdict;

/**
 * The end-to-end benchmark, built to give ratios that hold on a shared machine.
 *
 * <p>Every server starts once and stays up: this project's ({@link BenchServer}, once plain and
 * once with an event subscriber), the JDK's {@code com.sun.net.httpserver} ({@link
 * JdkHelloServer}) and Go 1.19's net/http ({@code go/server/main.go}), all pinned to core 0; wrk
 * and the clients run on core 1, all on 127.0.0.1. Each comparison then
 *
 * <ol>
 *   <li>warms each side with one-second runs until they have stopped rising and agree
 *       ({@link Stats#warmedUp}; or a cap is reached, which the verdict remembers);
 *   <li>measures the two sides back to back, alternating which goes first, recording the CPU
 *       steal (from {@code /proc/stat}) and the load average (from {@code /proc/loadavg}) of each
 *       side's measurement, and drops a pair when either side saw too much steal; it runs rounds
 *       until enough pairs are kept or a cap is reached;
 *   <li>takes the ratio of each kept pair and reports their median, a confidence interval for
 *       that median, and the min-max spread;
 *   <li>gives a verdict when the interval lies on one side of the target ({@link Stats#judge}),
 *       and says "not conclusive", with the reasons, otherwise.
 * </ol>
 *
 * Memory per connection is measured apart, on fresh servers, idle and with a request in flight:
 * the growth between {@value #MEMORY_FIRST} and {@value #MEMORY_CONNECTIONS} open connections
 * ({@link #memory}).
 *
 * <p>Results go to {@code results/RESULTS.md}, with every raw pair. Every process started here is
 * stopped, and every step is bounded in time.
 *
 * <p>Options: {@code --quick} (three 1-second rounds, for trying the harness: never conclusive),
 * {@code --only ID,ID} (some comparisons, by the ids in {@link #comparisons}), {@code --jfr}
 * (record this project's plain server to {@code target/bench/ours.jfr}).
 */
public final class LoadDriver {
    static final String HEAP = "-Xmx512m";
    /**
     * Two carrier threads for the virtual threads of a JVM server, on its one core. With two
     * carriers busy on one core the kernel takes turns between them at its tick (4 ms with
     * {@code HZ=250}), and a request queued behind the carrier that is switched out waits that
     * long: {@code perf sched timehist} shows each carrier runnable but waiting 4.0 ms while the
     * other runs, and that is the size of our 99th percentile. One carrier avoids the turns, but
     * in some runs a few connections then wait tens to hundreds of milliseconds. The {@code
     * hello-go-1carrier} comparison measures that configuration beside this one in every run.
     */
    static final String CARRIERS = "-Djdk.virtualThreadScheduler.parallelism=2";
    /** One carrier thread, the JVM's counterpart of Go's {@code GOMAXPROCS=1}; given after {@link #CARRIERS}, it wins. */
    static final String ONE_CARRIER = "-Djdk.virtualThreadScheduler.parallelism=1";
    static final int CONNECTIONS = 50;
    static final int STREAM_CONNECTIONS = 8;
    static final int STREAM_KIB = 1024;

    /**
     * How long each step runs: each side's measurement in a round, the kept pairs a comparison
     * aims for and the rounds it may spend on them, and the warm-up's runs and their cap.
     */
    record Timing(int seconds, int pairs, int roundCap, int warmSeconds, int warmCap) {
        static final Timing FULL = new Timing(3, 9, 18, 1, 20);
        static final Timing QUICK = new Timing(1, 3, 3, 1, 6);
    }

    /** One measurement: requests per second (or MiB per second), p99 latency, failed requests. */
    record Sample(double value, double p99ms, long errors) {}

    /** One side of a comparison: a load generator pointed at a server, or a client. */
    interface Side {
        String label();

        Sample measure(int seconds) throws IOException, InterruptedException;
    }

    /** Event calls nobody listens to may cost at most 3% of the throughput of a server without them. */
    static final double EVENTS_OFF_TARGET = 0.97;

    /** {@code a} against {@code b}; the ratio is a ÷ b and should reach {@code target} (NaN: none). */
    record Comparison(String id, String title, String unit, Side a, Side b, double target) {}

    /** A side's warm-up: each run's figure and the CPU steal while it ran, and whether it settled. */
    record WarmUp(List<Double> runs, List<Double> steals, boolean steady) {}

    /** One pair: each side's measurement with the CPU steal and the load average while it ran. */
    record Round(int number, boolean aFirst, Sample a, Sample b, double stealA, double stealB, double loadA, double loadB) {
        double ratio() {
            return a.value() / b.value();
        }

        /** a's p99 ÷ b's: above 1, a's tail is slower; NaN where a side has no latency figure. */
        double p99Ratio() {
            return a.p99ms() / b.p99ms();
        }

        /** The larger steal of the two sides; NaN when either is unknown. */
        double steal() {
            return Double.isNaN(stealA) || Double.isNaN(stealB) ? Double.NaN : Math.max(stealA, stealB);
        }

        double load() {
            return Math.max(loadA, loadB);
        }

        /** Whether the pair counts: the host took at most {@code maxSteal} of the CPU from either side. */
        boolean kept(double maxSteal) {
            return steal() <= maxSteal;
        }
    }

    /**
     * A comparison's record: every round, and from the kept ones the throughput ratios and the p99
     * ratios (each with its own interval and verdict; the p99 one against "a ≤ b", null summary
     * where a side has no latency figure).
     */
    record Outcome(Comparison comparison, WarmUp warmA, WarmUp warmB, List<Round> rounds, int dropped, double loadMin,
            double loadMax, Summary ratio, Judgement judgement, Summary p99, Judgement p99Judgement) {}

    /** The p99 target: a's 99th-percentile latency no worse than b's in the paired median. */
    static final double P99_TARGET = 1.0;

    /** Judges a comparison on its kept rounds. */
    static Outcome outcome(Comparison c, WarmUp warmA, WarmUp warmB, List<Round> rounds, Limits limits) {
        List<Round> kept = rounds.stream().filter(r -> r.kept(limits.maxSteal())).toList();
        int dropped = rounds.size() - kept.size();
        double loadMin = kept.stream().mapToDouble(Round::load).min().orElse(Double.NaN);
        double loadMax = kept.stream().mapToDouble(Round::load).max().orElse(Double.NaN);
        long errors = rounds.stream().mapToLong(r -> r.a().errors() + r.b().errors()).sum();
        PairedRun run = new PairedRun(dropped, loadMax, warmA.steady() && warmB.steady(), errors);
        Summary s = Stats.summary(kept.stream().map(Round::ratio).toList(), limits.confidence());
        Judgement j = Stats.judge(s, c.target(), Direction.AT_LEAST, run, limits);
        List<Double> p99Ratios = kept.stream().map(Round::p99Ratio).toList();
        Summary p99 = p99Ratios.stream().anyMatch(d -> d.isNaN()) ? null : Stats.summary(p99Ratios, limits.confidence());
        Judgement pj = p99 == null
                ? new Judgement(Verdict.NOT_CONCLUSIVE, List.of("no p99 figure"))
                : Stats.judge(p99, P99_TARGET, Direction.AT_MOST, run, limits);
        return new Outcome(c, warmA, warmB, rounds, dropped, loadMin, loadMax, s, j, p99, pj);
    }

    private final Timing timing;
    private final boolean jfr;
    private final List<String> only;
    private final Limits limits = Limits.forCores(Runtime.getRuntime().availableProcessors());
    private final Path work = Path.of("target", "bench");
    private final Path results = Path.of("results");
    private final String javaBin = ProcessHandle.current().info().command().orElse("java");
    private final String classpath = System.getProperty("java.class.path");
    private final List<Process> started = new CopyOnWriteArrayList<>();

    LoadDriver(Timing timing, boolean jfr, List<String> only) {
        this.timing = timing;
        this.jfr = jfr;
        this.only = only;
    }

    public static void main(String[] args) throws Exception {
        List<String> opts = List.of(args);
        int o = opts.indexOf("--only");
        List<String> only = o >= 0 && o + 1 < opts.size() ? Arrays.asList(opts.get(o + 1).split(",")) : List.of();
        LoadDriver d = new LoadDriver(opts.contains("--quick") ? Timing.QUICK : Timing.FULL, opts.contains("--jfr"), only);
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
        require("go", "version");
        String started = now();
        Path goServer = goBuild("server");
        Path goClient = goBuild("client");

        int ours = startServer("ours", javaServer(jfr, List.of(), "nethttp.bench.BenchServer"), List.of());
        int watched = startServer("ours-events", javaServer(false, List.of(), "nethttp.bench.BenchServer"), List.of("--events"));
        int folded = startServer("ours-folded", javaServer(false, List.of("-Dnethttp.events=off"), "nethttp.bench.BenchServer"),
                List.of());
        int jdk = startServer("jdk", javaServer(false, List.of("-Dsun.net.httpserver.nodelay=true"), "nethttp.bench.JdkHelloServer"),
                List.of());
        int oneCarrier = startServer("ours-1carrier", javaServer(false, List.of(ONE_CARRIER), "nethttp.bench.BenchServer"),
                List.of());
        int go = startServer("go", List.of("env", "GOMAXPROCS=1", goServer.toString()), List.of());
        String goHello = "http://127.0.0.1:" + go + "/";

        List<Comparison> all = comparisons(ours, oneCarrier, watched, folded, jdk, go,
                () -> startClient("nethttp Transport", List.of(javaBin, HEAP, CARRIERS, "-cp", classpath,
                        "nethttp.bench.ClientBench", "transport", goHello)),
                () -> startClient("Go http.Client", List.of("env", "GOMAXPROCS=1", goClient.toString(), goHello)));
        List<Outcome> outcomes = new ArrayList<>();
        for (Comparison c : all) {
            if (!only.isEmpty() && !only.contains(c.id())) continue;
            Outcome out = compare(c);
            System.out.printf("%s: %s, min-max %.2f-%.2f, %d dropped, %s; p99: %s, %s%n", c.title(), out.ratio().text("median"),
                    out.ratio().min(), out.ratio().max(), out.dropped(), out.judgement().text(),
                    out.p99() == null ? "—" : out.p99().text("median"), out.p99Judgement().text());
            outcomes.add(out);
        }
        List<MemoryOutcome> memory = new ArrayList<>();
        for (boolean inFlight : new boolean[] {false, true}) {
            String id = inFlight ? "memory-busy" : "memory-idle";
            if (!only.isEmpty() && !only.contains(id)) continue;
            MemoryOutcome m = memory(inFlight,
                    () -> launch("ours-memory", javaServer(false, MEMORY_JVM, "nethttp.bench.BenchServer"), List.of()),
                    () -> launch("go-memory", List.of("env", "GOMAXPROCS=1", goServer.toString()), List.of()));
            System.out.println(m.title() + ": " + m.judgement().text());
            memory.add(m);
        }
        String md = Results.markdown(started, timing, limits, jfr, Machine.firstLine("go", "version"),
                Machine.firstLine("wrk", "-v"), outcomes, memory);
        Files.writeString(results.resolve("RESULTS.md"), md);
        System.out.println("wrote " + results.resolve("RESULTS.md").toAbsolutePath());
    }

    /** A side that starts its process only when a comparison first needs it. */
    interface Lazy {
        Side get() throws IOException, InterruptedException;
    }

    /** Every comparison the driver knows, in the order it runs them. */
    List<Comparison> comparisons(int ours, int oneCarrier, int watched, int folded, int jdk, int go, Lazy oursClient,
            Lazy goClient) {
        String rps = "requests/s";
        Side[] clients = new Side[2];
        Side ourClient = deferred("nethttp Transport", () -> clients[0] == null ? clients[0] = oursClient.get() : clients[0]);
        Side theirClient = deferred("Go http.Client", () -> clients[1] == null ? clients[1] = goClient.get() : clients[1]);
        List<Comparison> c = new ArrayList<>();
        c.add(new Comparison("hello-go", "GET hello, 50 connections: nethttp ÷ Go net/http", rps,
                wrk("nethttp", ours, CONNECTIONS, "/"), wrk("Go net/http", go, CONNECTIONS, "/"), 1.0));
        c.add(new Comparison("hello-go-1carrier", "GET hello, 50 connections: nethttp with one carrier thread ÷ Go net/http",
                rps, wrk("nethttp, one carrier", oneCarrier, CONNECTIONS, "/"), wrk("Go net/http", go, CONNECTIONS, "/"), 1.0));
        c.add(new Comparison("hello-10k", String.format("GET hello, %,d keep-alive connections, runs of at least %d s: "
                + "nethttp ÷ Go net/http", MANY_CONNECTIONS, MANY_SECONDS), rps, held(wrk("nethttp", ours, MANY_CONNECTIONS, "/"), ours),
                held(wrk("Go net/http", go, MANY_CONNECTIONS, "/"), go), 1.0));
        c.add(new Comparison("hello-jdk", "GET hello, 50 connections: nethttp ÷ JDK HttpServer", rps,
                wrk("nethttp", ours, CONNECTIONS, "/"), wrk("JDK HttpServer", jdk, CONNECTIONS, "/"), 2.0));
        for (int size : new int[] {1024, 65536}) {
            for (String framing : List.of("length", "chunked")) {
                String what = (size / 1024) + " KiB body, " + (framing.equals("length") ? "Content-Length" : "chunked");
                c.add(new Comparison("post-" + size / 1024 + "k-" + framing, "POST /body echoing a " + what
                        + ", 50 connections: nethttp ÷ Go net/http", rps,
                        post("nethttp", ours, size, framing), post("Go net/http", go, size, framing), 1.0));
            }
        }
        c.add(new Comparison("stream", "GET /stream, a chunked " + STREAM_KIB + " KiB response in 16 KiB flushes, "
                + STREAM_CONNECTIONS + " connections: nethttp ÷ Go net/http", "MiB/s",
                stream("nethttp", ours), stream("Go net/http", go), 1.0));
        c.add(new Comparison("client", "Client, 50 threads GET hello from Go's server: nethttp Transport ÷ Go http.Client",
                rps, ourClient, theirClient, 1.0));
        c.add(new Comparison("events", "GET hello, 50 connections: nethttp with an EventBus subscriber ÷ without", rps,
                wrk("nethttp, events on", watched, CONNECTIONS, "/"), wrk("nethttp, events off", ours, CONNECTIONS, "/"),
                Double.NaN));
        // The server as shipped, nobody listening, against the same server in a JVM where
        // -Dnethttp.events=off lets the JIT fold every event call away: what the calls cost unwatched.
        c.add(new Comparison("events-off", "GET hello, 50 connections: nethttp with no listener ÷ nethttp with the event "
                + "calls folded away (-Dnethttp.events=off)", rps,
                wrk("nethttp, no listener", ours, CONNECTIONS, "/"), wrk("nethttp, events folded away", folded, CONNECTIONS, "/"),
                EVENTS_OFF_TARGET));
        return c;
    }

    /**
     * The connection count of {@code hello-10k}. wrk opens every connection at the start of each
     * run (about half a second for 10,000 on one core) and keeps each busy from then on: a
     * request goes out as soon as the previous reply is read.
     */
    static final int MANY_CONNECTIONS = 10_000;
    /**
     * The shortest run at {@value #MANY_CONNECTIONS} connections, warm-up runs included: wrk
     * spends up to a second of each run connecting them all (more on a busy machine), and a
     * 1-second warm-up run counted no request at all, so it could never settle.
     */
    static final int MANY_SECONDS = 5;

    /**
     * A side at {@value #MANY_CONNECTIONS} connections, whose runs last at least
     * {@value #MANY_SECONDS} s, and whose server's open connections are counted three quarters
     * into every run, to know whether the load generator really held them all: wrk counts a
     * refused or reset connection as a socket error, but one still waiting to connect is no
     * error, only a connection that makes no requests.
     */
    static final class HeldSide implements Side {
        private final Side inner;
        private final int port;
        private final List<Integer> open = new CopyOnWriteArrayList<>();

        HeldSide(Side inner, int port) {
            this.inner = inner;
            this.port = port;
        }

        public String label() {
            return inner.label();
        }

        public Sample measure(int asked) throws IOException, InterruptedException {
            int seconds = Math.max(asked, MANY_SECONDS);
            Thread counter = Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(seconds * 750L); // a point in time, not a wait for something to happen
                    open.add(established(port));
                } catch (InterruptedException | IOException e) {
                    open.add(-1);
                }
            });
            try {
                return inner.measure(seconds);
            } finally {
                counter.join(TimeUnit.SECONDS.toMillis(seconds + 30L));
            }
        }

        void record(int count) {
            open.add(count);
        }

        /** The fewest connections open in the last {@code runs} runs (the measured rounds, after the warm-up). */
        int fewestOpen(int runs) {
            List<Integer> last = open.subList(Math.max(0, open.size() - runs), open.size());
            return last.stream().mapToInt(Integer::intValue).min().orElse(-1);
        }
    }

    static HeldSide held(Side side, int port) {
        return new HeldSide(side, port);
    }

    /** Connections to {@code port} that the server side holds established, from {@code /proc/net/tcp} and {@code tcp6}. */
    static int established(int port) throws IOException {
        int n = 0;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path p = Path.of(table);
            if (Files.exists(p)) n += established(Files.readAllLines(p), port);
        }
        return n;
    }

    /**
     * Counts the rows of a {@code /proc/net/tcp} table whose local port is {@code port} and whose
     * state is ESTABLISHED (01): on loopback the client's end of each connection is a row too,
     * with the port as its remote one, and is not counted.
     */
    static int established(List<String> table, int port) {
        int n = 0;
        for (String row : table) {
            String[] f = row.trim().split("\\s+");
            if (f.length < 4 || !f[0].endsWith(":")) continue; // the heading
            int colon = f[1].lastIndexOf(':');
            if (colon < 0) continue;
            if (Integer.parseInt(f[1].substring(colon + 1), 16) == port && f[3].equals("01")) n++;
        }
        return n;
    }

    static Side deferred(String label, Lazy side) {
        return new Side() {
            public String label() {
                return label;
            }

            public Sample measure(int seconds) throws IOException, InterruptedException {
                return side.get().measure(seconds);
            }
        };
    }

    // ---- one comparison ----

    Outcome compare(Comparison c) throws IOException, InterruptedException {
        System.out.println(c.title());
        WarmUp warmA = warm(c.a());
        WarmUp warmB = warm(c.b());
        List<Round> rounds = new ArrayList<>();
        int kept = 0;
        for (int i = 1; kept < timing.pairs() && i <= timing.roundCap(); i++) {
            boolean aFirst = i % 2 == 1;
            CpuTimes t0 = CpuTimes.read();
            Sample first = (aFirst ? c.a() : c.b()).measure(timing.seconds());
            CpuTimes t1 = CpuTimes.read();
            double load1 = Machine.loadAverage();
            Sample second = (aFirst ? c.b() : c.a()).measure(timing.seconds());
            CpuTimes t2 = CpuTimes.read();
            double load2 = Machine.loadAverage();
            double steal1 = t0.stealUntil(t1);
            double steal2 = t1.stealUntil(t2);
            Round r = aFirst ? new Round(i, true, first, second, steal1, steal2, load1, load2)
                    : new Round(i, false, second, first, steal2, steal1, load2, load1);
            if (r.kept(limits.maxSteal())) kept++;
            System.out.printf("  round %d: %s %,.1f, %s %,.1f, ratio %.3f, steal %.1f%%/%.1f%%, load %.2f%s%n", i, c.a().label(),
                    r.a().value(), c.b().label(), r.b().value(), r.ratio(), 100 * r.stealA(), 100 * r.stealB(), r.load(),
                    r.kept(limits.maxSteal()) ? "" : ", dropped");
            rounds.add(r);
        }
        return outcome(c, warmA, warmB, rounds, limits);
    }

    WarmUp warm(Side side) throws IOException, InterruptedException {
        List<Double> runs = new ArrayList<>();
        List<Double> steals = new ArrayList<>();
        while (runs.size() < timing.warmCap()) {
            CpuTimes before = CpuTimes.read();
            runs.add(side.measure(timing.warmSeconds()).value());
            steals.add(before.stealUntil(CpuTimes.read()));
            if (Stats.warmedUp(runs, steals, limits.maxSteal())) {
                System.out.printf("  %s steady after %d runs%n", side.label(), runs.size());
                return new WarmUp(runs, steals, true);
            }
        }
        System.out.printf("  %s not steady after %d runs%n", side.label(), runs.size());
        return new WarmUp(runs, steals, false);
    }

    // ---- the sides ----

    Side wrk(String label, int port, int conns, String path) {
        return wrkSide(label, conns, false, List.of("http://127.0.0.1:" + port + path));
    }

    Side post(String label, int port, int size, String framing) {
        return wrkSide(label, CONNECTIONS, false, List.of("-s", "wrk/post.lua", "http://127.0.0.1:" + port + "/body", "--",
                Integer.toString(size), framing));
    }

    Side stream(String label, int port) {
        return wrkSide(label, STREAM_CONNECTIONS, true, List.of("http://127.0.0.1:" + port + "/stream?kib=" + STREAM_KIB));
    }

    /** wrk on core 1, one thread; its value is requests per second, or MiB per second read. */
    Side wrkSide(String label, int conns, boolean mibPerSecond, List<String> target) {
        return new Side() {
            public String label() {
                return label;
            }

            public Sample measure(int seconds) throws IOException, InterruptedException {
                List<String> cmd = new ArrayList<>(List.of("bash", "-c", "ulimit -n \"$(ulimit -Hn)\"; exec taskset -c 1 \"$@\"",
                        "bash", "wrk", "-t1", "-c" + conns, "-d" + seconds + "s", "--timeout", "5s", "--latency"));
                cmd.addAll(target);
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                started.add(p);
                try {
                    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    if (!p.waitFor(seconds + 30L, TimeUnit.SECONDS)) p.destroyForcibly();
                    WrkResult r = parseWrk(out);
                    double value = mibPerSecond ? r.bytesPerSec() / (1024 * 1024) : r.rps();
                    return new Sample(value, r.p99ms(), r.socketErrors() + r.non2xx());
                } finally {
                    p.destroyForcibly();
                    started.remove(p);
                }
            }
        };
    }

    /** A client process that measures on each {@code run SECONDS} line (ClientBench, go/client). */
    Side startClient(String label, List<String> command) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("taskset", "-c", "1"));
        cmd.addAll(command);
        Process p = new ProcessBuilder(cmd).redirectError(work.resolve("client-" + started.size() + ".err").toFile()).start();
        started.add(p);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Writer in = new java.io.OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8);
        Pattern result = Pattern.compile("requests/s=(\\d+) errors=(\\d+)");
        return new Side() {
            public String label() {
                return label;
            }

            public Sample measure(int seconds) throws IOException {
                in.write("run " + seconds + "\n");
                in.flush();
                String line;
                try {
                    line = CompletableFuture.supplyAsync(() -> {
                        try {
                            return out.readLine();
                        } catch (IOException e) {
                            return null;
                        }
                    }).get(seconds + 30L, TimeUnit.SECONDS);
                } catch (InterruptedException | ExecutionException | TimeoutException e) {
                    p.destroyForcibly();
                    throw new IOException(label + " did not answer within " + (seconds + 30) + " s");
                }
                Matcher m = line == null ? null : result.matcher(line);
                if (m == null || !m.find()) throw new IOException(label + " said: " + line);
                return new Sample(Double.parseDouble(m.group(1)), Double.NaN, Long.parseLong(m.group(2)));
            }
        };
    }

    // ---- the servers ----

    List<String> javaServer(boolean record, List<String> flags, String mainClass) {
        List<String> cmd = new ArrayList<>(List.of(javaBin, HEAP, CARRIERS));
        if (record) cmd.add("-XX:StartFlightRecording=settings=profile,filename=" + work.resolve("ours.jfr").toAbsolutePath());
        cmd.addAll(flags);
        cmd.addAll(List.of("-cp", classpath, mainClass));
        return cmd;
    }

    Path goBuild(String which) throws IOException, InterruptedException {
        Path bin = work.resolve("go-" + which).toAbsolutePath();
        Process p = new ProcessBuilder("go", "build", "-o", bin.toString(), "main.go").directory(Path.of("go", which).toFile())
                .inheritIO().start();
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("go build of go/" + which + " failed");
        return bin;
    }

    /**
     * Starts {@code command ADDR options} on core 0, with the hard file-descriptor limit and a free
     * port in ADDR; waits until it accepts and returns the port.
     */
    record Started(Process process, int port) {}

    int startServer(String name, List<String> command, List<String> options) throws IOException, InterruptedException {
        return launch(name, command, options).port();
    }

    Started launch(String name, List<String> command, List<String> options) throws IOException, InterruptedException {
        int port = freePort();
        List<String> cmd = new ArrayList<>(List.of("bash", "-c", "ulimit -n \"$(ulimit -Hn)\"; exec taskset -c 0 \"$@\"", "bash"));
        cmd.addAll(command);
        cmd.add("127.0.0.1:" + port);
        cmd.addAll(options);
        Process proc = new ProcessBuilder(cmd)
                .redirectOutput(work.resolve(name + ".out").toFile())
                .redirectError(work.resolve(name + ".err").toFile())
                .start();
        started.add(proc);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return new Started(proc, port);
            } catch (IOException notYet) {
                if (!proc.isAlive()) throw new IOException(name + " exited: see " + work.resolve(name + ".err"));
                Thread.sleep(100);
            }
        }
        throw new IOException(name + " did not start listening within 60 s");
    }

    void stopAll() {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        started.clear();
    }

    // ---- memory per connection ----

    /** The connections of the first step, and of the second; the slope is taken between them. */
    static final int MEMORY_FIRST = 2_000;
    static final int MEMORY_CONNECTIONS = 10_000;
    static final int MEMORY_REPEATS = 3;
    static final double MEMORY_TOLERANCE = 0.10;
    /**
     * The memory servers' JVM flags on top of the throughput servers' ones. With a heap that
     * cannot shrink ({@code -Xms} = {@code -Xmx}) and a young generation of fixed size, a warm-up
     * that has filled the young generation leaves it wholly resident from then on, so the
     * resident size only grows with the old generation, where the connections' objects end up.
     * Without them, the young generation and the heap grew and shrank from run to run with what
     * the collector had decided so far, and so did the resident size before any connection.
     */
    static final List<String> MEMORY_JVM = List.of("-Xms512m", "-Xmn64m");
    /** Young collections the warm-up waits for: two fills of the young generation. */
    static final int MEMORY_WARM_COLLECTIONS = 2;

    interface Launch {
        Started start() throws IOException, InterruptedException;
    }

    /**
     * One server's memory at two steps: {@code first} connections open, then {@code connections}.
     * The resident size (RSS) is the process's, the live heap (JVM only, else -1) is what a full
     * collection left in use. Whatever the process held before the first step, whether a JVM had
     * touched much heap or little, is in both steps and cancels out of the difference.
     */
    record MemorySample(int first, int connections, long rssFirstKb, long rssKb, long heapFirstKb, long heapKb, long failed,
            double load) {
        /** The growth of the resident size per connection opened between the two steps. */
        double perConnectionKb() {
            return (rssKb - rssFirstKb) / (double) (connections - first);
        }

        /** The growth of the live heap per connection opened between the two steps; NaN for a process without one. */
        double heapPerConnectionKb() {
            if (heapFirstKb < 0 || heapKb < 0) return Double.NaN;
            return (heapKb - heapFirstKb) / (double) (connections - first);
        }
    }

    record MemoryOutcome(boolean inFlight, String title, List<MemorySample> ours, List<MemorySample> go, double steal, double maxLoad,
            Judgement judgement) {}

    /**
     * Memory per connection, ours against Go's, each measured {@value #MEMORY_REPEATS} times in a
     * fresh process, alternating. Idle: each connection made one request and then stays open. In
     * flight: each connection sent the head of a POST whose one-byte body never comes, so every
     * handler is blocked reading it.
     */
    MemoryOutcome memory(boolean inFlight, Launch ours, Launch go) throws IOException, InterruptedException {
        String title = String.format("Memory per connection, %,d connections %s: nethttp against Go net/http",
                MEMORY_CONNECTIONS, inFlight ? "each with a request in flight" : "idle after one request");
        System.out.println(title);
        List<MemorySample> o = new ArrayList<>();
        List<MemorySample> g = new ArrayList<>();
        CpuTimes cpu0 = CpuTimes.read();
        for (int i = 0; i < MEMORY_REPEATS; i++) {
            o.add(memorySample("nethttp", ours, inFlight));
            g.add(memorySample("Go net/http", go, inFlight));
        }
        double steal = cpu0.stealUntil(CpuTimes.read());
        double load = Stream.concat(o.stream(), g.stream()).mapToDouble(MemorySample::load).max().orElse(Double.NaN);
        long failed = Stream.concat(o.stream(), g.stream()).mapToLong(MemorySample::failed).sum();
        Judgement j = Stats.judgeMemory(o.stream().map(MemorySample::perConnectionKb).toList(),
                g.stream().map(MemorySample::perConnectionKb).toList(), MEMORY_TOLERANCE,
                new Conditions(steal, load, true, failed), limits);
        return new MemoryOutcome(inFlight, title, o, g, steal, load, j);
    }

    MemorySample memorySample(String label, Launch launch, boolean inFlight) throws IOException, InterruptedException {
        Started server = launch.start();
        long pid = server.process().pid();
        boolean jvm = isJvm(server.process());
        List<Socket> conns = new ArrayList<>();
        long failed = 0;
        try {
            long fdLimit = ((com.sun.management.UnixOperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getMaxFileDescriptorCount();
            int n = (int) Math.min(MEMORY_CONNECTIONS, fdLimit - 500);
            // The warmed-up state of the throughput runs, on the route the connections will use:
            // a parked virtual thread's stack is copied to the heap, and an interpreted frame
            // takes more room there than a compiled one, so connections that parked before the
            // JIT reached their path would weigh more than those after. And a JVM's young
            // generation filled, so that all of it is resident before the first step.
            Side warm = inFlight ? post(label, server.port(), 1024, "length") : wrk(label, server.port(), CONNECTIONS, "/");
            warm.measure(2);
            for (int i = 0; jvm && i < 5 && youngCollections(pid) < MEMORY_WARM_COLLECTIONS; i++) warm.measure(2);
            byte[] request = (inFlight
                    ? "POST /body HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1\r\n\r\n"
                    : "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
            rehearse(server.port(), request, inFlight, System.nanoTime() + TimeUnit.SECONDS.toNanos(60));
            // Bounded in time as well: a server that slows down too much is measured with fewer.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            failed += open(server.port(), Math.min(MEMORY_FIRST, n), request, !inFlight, conns, deadline);
            int first = conns.size();
            settle(server.process());
            long rssFirst = rssKb(pid);
            long heapFirst = jvm ? liveHeapKb(pid) : -1;
            failed += open(server.port(), n - conns.size(), request, !inFlight, conns, deadline);
            settle(server.process());
            long rss = rssKb(pid);
            long heap = jvm ? liveHeapKb(pid) : -1;
            MemorySample m = new MemorySample(first, conns.size(), rssFirst, rss, heapFirst, heap, failed, Machine.loadAverage());
            System.out.printf("  %s: %,d -> %,d connections, RSS %,d kB -> %,d kB, %.1f kB each%s%s%n", label, first,
                    conns.size(), rssFirst, rss, m.perConnectionKb(),
                    jvm ? String.format(" (live heap %,d kB -> %,d kB, %.1f kB each)", heapFirst, heap, m.heapPerConnectionKb()) : "",
                    failed > 0 ? ", " + failed + " failed" : "");
            return m;
        } finally {
            for (Socket s : conns) s.close();
            server.process().destroy();
            if (!server.process().waitFor(10, TimeUnit.SECONDS)) server.process().destroyForcibly();
            started.remove(server.process());
        }
    }

    /** Rounds of {@link #rehearse}: 20,000 parked exchanges on 50 connections, enough for the JIT's last tier. */
    static final int REHEARSAL_ROUNDS = 400;

    /**
     * Parks the server's threads, many times over, where the measured connections will park: wrk
     * keeps its connections so busy that a handler seldom waits, so after it the code on that path
     * may still be interpreted, and a parked thread's stack, copied to the heap, is larger for
     * it. With a request in flight, that stack weighed from 1.2 to 3.7 kB per connection from one
     * fresh server to the next, and three measurements ranged from 8.5 to 10.7 kB; after the
     * rehearsal, 1.0 to 1.4 kB, and 8.7 to 8.8 kB. Each round sends a request on each of
     * {@value #CONNECTIONS} connections and, in flight, the body's one byte only after all the
     * heads, then reads every reply; between rounds the servers wait for the next request. Go is
     * rehearsed the same way.
     */
    static void rehearse(int port, byte[] request, boolean inFlight, long deadline) throws IOException {
        List<Socket> conns = new ArrayList<>();
        try {
            for (int i = 0; i < CONNECTIONS; i++) {
                Socket s = new Socket();
                conns.add(s);
                s.setSoLinger(true, 0);
                s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                s.setSoTimeout(10_000);
            }
            for (int r = 0; r < REHEARSAL_ROUNDS && System.nanoTime() < deadline; r++) {
                for (Socket s : conns) s.getOutputStream().write(request);
                if (inFlight) for (Socket s : conns) s.getOutputStream().write('x');
                for (Socket s : conns) readUntil(s, inFlight ? "\r\n\r\nx" : HELLO);
            }
        } finally {
            for (Socket s : conns) s.close();
        }
    }

    /** Opens {@code count} more connections, each sending {@code request}; returns how many failed. */
    static long open(int port, int count, byte[] request, boolean readReply, List<Socket> conns, long deadline) throws IOException {
        long failed = 0;
        for (int i = 0; i < count && System.nanoTime() < deadline; i++) {
            Socket s = new Socket();
            try {
                s.setSoLinger(true, 0); // closing resets: no TIME_WAIT left to crowd the port range
                s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                s.setSoTimeout(10_000);
                s.getOutputStream().write(request);
                if (readReply) readHello(s);
                conns.add(s);
            } catch (IOException e) {
                failed++;
                s.close();
            }
        }
        return failed;
    }

    static final String HELLO = "Hello from nethttp!\n";

    /** Reads the hello reply to its last byte. */
    static void readHello(Socket s) throws IOException {
        readUntil(s, HELLO);
    }

    /** Reads one reply, up to and including the {@code end} it finishes with. */
    static void readUntil(Socket s, String end) throws IOException {
        var in = s.getInputStream();
        StringBuilder got = new StringBuilder();
        byte[] buf = new byte[512];
        while (!got.toString().endsWith(end)) {
            int n = in.read(buf);
            if (n < 0) throw new IOException("server closed the connection: " + got);
            got.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
        }
    }

    static boolean isJvm(Process server) {
        return server.info().command().map(c -> c.endsWith("java")).orElse(false);
    }

    /** Lets the server finish what it was doing; a JVM is asked for a full GC first. */
    void settle(Process server) throws IOException, InterruptedException {
        if (isJvm(server)) jcmd(server.pid(), "GC.run");
        Thread.sleep(2000); // nothing to wait for but quiet: the server has no "settled" signal
    }

    /** What {@code jcmd PID COMMAND} prints. */
    String jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(javaBin).resolveSibling("jcmd").toString(), Long.toString(pid)));
        cmd.addAll(List.of(command));
        Path out = work.resolve("jcmd.out");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("jcmd " + String.join(" ", command) + " did not finish within 60 s");
        }
        return Files.readString(out);
    }

    /** The JVM's heap in use; right after {@link #settle}'s full collection, the live heap. */
    long liveHeapKb(long pid) throws IOException, InterruptedException {
        return heapUsedKb(jcmd(pid, "GC.heap_info"));
    }

    /** The young collections a JVM has made so far, from its performance counters. */
    long youngCollections(long pid) throws IOException, InterruptedException {
        Matcher m = Pattern.compile("sun\\.gc\\.collector\\.0\\.invocations=(\\d+)").matcher(jcmd(pid, "PerfCounter.print"));
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static final Pattern HEAP_USED = Pattern.compile("\\btotal\\b[^\\n]*?\\bused (\\d+)K");

    /**
     * The heap in use from {@code jcmd GC.heap_info}: the sum of the "used" of every line that
     * gives a total (each generation of the serial and parallel collectors, the one heap of G1),
     * leaving out Metaspace, which is not heap.
     */
    static long heapUsedKb(String heapInfo) throws IOException {
        Matcher m = HEAP_USED.matcher(heapInfo);
        long used = 0;
        boolean any = false;
        while (m.find()) {
            used += Long.parseLong(m.group(1));
            any = true;
        }
        if (!any) throw new IOException("no heap figures in:\n" + heapInfo);
        return used;
    }

    static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
        throw new IOException("no VmRSS for " + pid);
    }

    // ---- wrk's output ----

    record WrkResult(double rps, double p50ms, double p99ms, long socketErrors, long non2xx, double bytesPerSec) {}

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TRANSFER = Pattern.compile("Transfer/sec:\\s+([0-9.]+)(B|KB|MB|GB)");
    private static final Pattern PCT = Pattern.compile("^\\s+(50|99)%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
    private static final Pattern ERRORS = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern NON2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    /** Reads wrk's summary: requests per second, latency percentiles, errors, bytes read per second. */
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
        double bytes = Double.NaN;
        Matcher t = TRANSFER.matcher(out);
        if (t.find()) {
            // wrk's units are powers of 1024
            bytes = Double.parseDouble(t.group(1)) * switch (t.group(2)) {
                case "KB" -> 1024.0;
                case "MB" -> 1024.0 * 1024;
                case "GB" -> 1024.0 * 1024 * 1024;
                default -> 1.0;
            };
        }
        return new WrkResult(Double.parseDouble(rps.group(1)), p50, p99, errors, non2xx, bytes);
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
        if (Machine.firstLine(command) == null) {
            String pkg = command[0].equals("go") ? "golang-go" : command[0].equals("taskset") ? "util-linux" : command[0];
            throw new IOException(command[0] + " is needed: install it (Debian: apt-get install " + pkg + ")");
        }
    }

    static String now() {
        return ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME);
    }
}
