package nethttp.bench;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nethttp.bench.LoadDriver.Memory;
import nethttp.bench.LoadDriver.Peer;
import nethttp.bench.LoadDriver.WrkResult;

/** One load run written for a reader: tables, the targets of the issue checked, and a chart. */
record Report(
        List<Peer> peers,
        Map<String, Map<Integer, WrkResult>> throughput,
        List<Memory> memory,
        Map<String, Double> client,
        String clientTarget,
        int seconds,
        double loadBefore,
        double loadAfter) {

    static final String OURS = "nethttp";

    String markdown(String goVersion, String wrkVersion) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark results\n\n");
        md.append("Latest run: ").append(LoadDriver.now()).append(".\n\n");
        md.append("* Machine: ").append(Machine.describe()).append('\n');
        md.append("* Go: ").append(goVersion == null ? "not installed (Go rows left out)" : goVersion).append('\n');
        md.append("* wrk: ").append(wrkVersion).append('\n');
        md.append(String.format("* Load average (1 min) before the run: %.2f, after: %.2f%s%n", loadBefore, loadAfter,
                loadBefore < 0.5 ? "" : " — **the machine was busy: treat these numbers as noisy**"));
        md.append("* Servers pinned to core 0 (`taskset -c 0`, Go with `GOMAXPROCS=1`, JVMs with ")
                .append(LoadDriver.HEAP).append(" and two carrier threads, `").append(LoadDriver.CARRIERS)
                .append("`, see README.adoc), wrk and the clients to core 1, all on 127.0.0.1; ")
                .append(seconds).append(" s per point after a warm-up.\n\n");

        md.append("## Server throughput (wrk, hello route)\n\n");
        md.append("![Requests per second by server and connections](throughput.png)\n\n");
        md.append("| Server | Connections | Requests/s | p50 | p99 | Socket errors | Non-2xx | nethttp ÷ this |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (var e : throughput.entrySet()) {
            for (var c : e.getValue().entrySet()) {
                WrkResult r = c.getValue();
                double ours = throughput.get(OURS).get(c.getKey()).rps();
                md.append(String.format("| %s | %d | %,.0f | %.2f ms | %.2f ms | %d | %d | %.2f |%n", e.getKey(), c.getKey(),
                        r.rps(), r.p50ms(), r.p99ms(), r.socketErrors(), r.non2xx(), ours / r.rps()));
            }
        }

        md.append("\n## Memory per idle keep-alive connection\n\n");
        md.append("Each connection made one request and then stayed open; RSS from `/proc/PID/status` after a ")
                .append("full GC (JVM) and 2 s of quiet.\n\n");
        md.append("| Server | Connections | RSS before | RSS after | Per connection |\n|---|---:|---:|---:|---:|\n");
        for (Memory m : memory) {
            md.append(String.format("| %s | %,d | %,d kB | %,d kB | %.1f kB |%n", m.peer(), m.connections(),
                    m.rssBeforeKb(), m.rssAfterKb(), m.perConnectionKb()));
        }

        md.append("\n## Client (50 virtual threads, GET against ").append(clientTarget).append(")\n\n");
        md.append("| Client | Requests/s |\n|---|---:|\n");
        md.append(String.format("| nethttp Transport | %,.0f |%n", client.get("transport")));
        md.append(String.format("| java.net.http.HttpClient (HTTP/1.1) | %,.0f |%n", client.get("jdk")));

        md.append("\n## Targets\n\n| Target | Measured | Met |\n|---|---|---|\n");
        for (String[] t : targets()) md.append("| ").append(String.join(" | ", t)).append(" |\n");
        return md.toString();
    }

    List<String[]> targets() {
        List<String[]> t = new ArrayList<>();
        Map<Integer, WrkResult> ours = throughput.get(OURS);
        double ours50 = ours.get(50).rps();
        ratio(t, "Server ≥ 2× JDK HttpServer at 50 connections", ours50, rps("JDK HttpServer", 50), 2.0);
        ratio(t, "Server ≥ 1.0× Go at 50 connections", ours50, rps("Go net/http", 50), 1.0);
        for (int c : new int[] {400, 1000}) {
            WrkResult r = ours.get(c);
            boolean met = r.socketErrors() == 0 && r.rps() >= 0.8 * ours50;
            t.add(new String[] {"At " + c + " connections: no socket errors, ≥ 0.8× our 50-connection figure",
                String.format("%d errors, %.2f×", r.socketErrors(), r.rps() / ours50), met ? "yes" : "**no**"});
        }
        Memory oursMem = memory.stream().filter(m -> m.peer().equals(OURS)).findFirst().orElseThrow();
        Memory goMem = memory.stream().filter(m -> !m.peer().equals(OURS)).findFirst().orElse(null);
        if (goMem != null) {
            t.add(new String[] {"Idle memory per connection ≤ Go's",
                String.format("%.1f kB vs %.1f kB", oursMem.perConnectionKb(), goMem.perConnectionKb()),
                oursMem.perConnectionKb() <= goMem.perConnectionKb() ? "yes" : "**no**"});
        }
        ratio(t, "Client ≥ 2× java.net.http.HttpClient", client.get("transport"), client.get("jdk"), 2.0);
        return t;
    }

    private double rps(String peer, int conns) {
        Map<Integer, WrkResult> m = throughput.get(peer);
        return m == null ? Double.NaN : m.get(conns).rps();
    }

    private static void ratio(List<String[]> t, String what, double ours, double theirs, double needed) {
        if (Double.isNaN(theirs)) return;
        double r = ours / theirs;
        t.add(new String[] {what, String.format("%.2f×", r), r >= needed ? "yes" : "**no**"});
    }

    void chart(File png) throws IOException {
        List<String> groups = new ArrayList<>();
        for (int c : LoadDriver.CONNECTIONS) groups.add(c + " connections");
        List<String> series = new ArrayList<>(throughput.keySet());
        double[][] values = new double[series.size()][groups.size()];
        for (int s = 0; s < series.size(); s++) {
            for (int g = 0; g < groups.size(); g++) values[s][g] = throughput.get(series.get(s)).get(LoadDriver.CONNECTIONS[g]).rps();
        }
        BarChart.write(png, "Hello route: requests per second, one server core", "requests/s", groups, series, values);
    }
}
