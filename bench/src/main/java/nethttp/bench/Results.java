package nethttp.bench;

import java.util.List;
import java.util.stream.Collectors;
import nethttp.bench.LoadDriver.MemoryOutcome;
import nethttp.bench.LoadDriver.MemorySample;
import nethttp.bench.LoadDriver.Outcome;
import nethttp.bench.LoadDriver.Round;
import nethttp.bench.LoadDriver.Sample;
import nethttp.bench.LoadDriver.Timing;
import nethttp.bench.LoadDriver.WarmUp;
import nethttp.bench.Stats.Limits;

/** RESULTS.md: the verdicts first, then every warm-up run and every raw pair behind them. */
final class Results {
    private Results() {}

    static String markdown(String when, Timing t, Limits limits, boolean jfr, String goVersion, String wrkVersion,
            List<Outcome> outcomes, List<MemoryOutcome> memory) {
        StringBuilder md = new StringBuilder("# Benchmark results\n\n");
        md.append("Run started ").append(when).append(t.equals(Timing.QUICK) ? " with `--quick`: too few rounds for any verdict." : ".")
                .append("\n\n");
        md.append("* Machine: ").append(Machine.describe()).append('\n');
        md.append("* Go: ").append(goVersion).append("; wrk: ").append(wrkVersion).append('\n');
        md.append("* Every server started once and stayed up, on core 0 (`taskset -c 0`; Go with `GOMAXPROCS=1`, the JVMs with `")
                .append(LoadDriver.HEAP).append("` and `").append(LoadDriver.CARRIERS)
                .append("`); wrk (one thread) and the clients on core 1; all on 127.0.0.1.")
                .append(jfr ? " JFR was recording the plain nethttp server." : "").append('\n');
        md.append(String.format("* Each side warmed up in %d s runs until the last %d agreed within %.0f%% (at most %d runs); "
                + "then %d rounds of %d s per side, back to back, the side that goes first alternating.%n",
                t.warmSeconds(), LoadDriver.WARM_WINDOW, 100 * LoadDriver.WARM_TOLERANCE, t.warmCap(), t.rounds(), t.seconds()));
        md.append(String.format("* A comparison is conclusive with at least %d pairs, every paired ratio within a min-max "
                + "spread of %.0f%% of their median, CPU steal (`/proc/stat`) at most %.0f%% over the rounds, the one-minute "
                + "load average (`/proc/loadavg`) at most %.1f, both warm-ups settled and no failed request. "
                + "Only then is the median compared with the target.%n%n",
                limits.minPairs(), 100 * limits.maxSpread(), 100 * limits.maxSteal(), limits.maxLoad()));

        md.append("## Targets\n\n");
        md.append("| Target | Verdict |\n|---|---|\n");
        for (Targets.Line l : Targets.lines(outcomes, memory)) {
            md.append("| ").append(l.target()).append(" | ").append(l.verdict()).append(" |\n");
        }
        md.append("\nA figure on a line that is not conclusive is a record of the run, not a result.\n\n");

        md.append("## Verdicts\n\n");
        md.append("| Comparison | Verdict | Target | Median ratio | Min–max | Spread | p99 ratio | Steal | Load |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Outcome o : outcomes) {
            var s = o.ratio();
            md.append(String.format("| %s | %s | %s | %.2f× | %.2f–%.2f | %.0f%% | %s | %.1f%% | %.1f–%.1f |%n",
                    o.comparison().title(), o.judgement().text(),
                    Double.isNaN(o.comparison().target()) ? "—" : "≥ " + times(o.comparison().target()),
                    s.median(), s.min(), s.max(), 100 * s.spread(),
                    Double.isNaN(o.p99Ratio()) ? "—" : String.format("%.2f×", o.p99Ratio()),
                    100 * o.steal(), o.loadMin(), o.loadMax()));
        }
        md.append("\nA figure in a row that is not conclusive is a record of the run, not a result. "
                + "Ratios are the first side ÷ the second, so above 1 the first is faster; the p99 ratio is the median "
                + "of the paired ratios of 99th-percentile latency, so above 1 the first is slower.\n");

        if (!memory.isEmpty()) {
            md.append("\n## Memory per connection\n\n");
            md.append(String.format("Each server in a fresh process, warmed by wrk (a JVM until its young generation had been "
                    + "collected %d times, so that all of it is resident: its heap is fixed with `%s`); then %,d connections "
                    + "opened and measured, then %,d more and measured again. Per connection is the growth between the two "
                    + "steps over the %,d connections opened between them, so whatever the process held before the first step "
                    + "cancels out. RSS from `/proc/PID/status` after 2 s of quiet, for a JVM after a full GC (`jcmd PID GC.run`); "
                    + "a JVM's live heap is the heap in use after that collection (`jcmd PID GC.heap_info`). "
                    + "%d measurements per server, alternating. Conclusive when each server's RSS figures agree within %.0f%%, "
                    + "no connection failed and steal and load stayed within the limits above; the target is ours ≤ Go's, in RSS.%n",
                    LoadDriver.MEMORY_WARM_COLLECTIONS, String.join(" ", LoadDriver.MEMORY_JVM), LoadDriver.MEMORY_FIRST,
                    LoadDriver.MEMORY_CONNECTIONS - LoadDriver.MEMORY_FIRST, LoadDriver.MEMORY_CONNECTIONS - LoadDriver.MEMORY_FIRST,
                    LoadDriver.MEMORY_REPEATS, 100 * LoadDriver.MEMORY_TOLERANCE));
            for (MemoryOutcome m : memory) {
                md.append("\n### ").append(m.title()).append("\n\nVerdict: ").append(m.judgement().text())
                        .append(String.format(". Steal %.1f%%, load up to %.2f.%n%n", 100 * m.steal(), m.maxLoad()));
                md.append("| Server | Connections | RSS | RSS per connection | Live heap | Live heap per connection | Failed | Load |\n"
                        + "|---|---:|---:|---:|---:|---:|---:|---:|\n");
                for (int i = 0; i < m.ours().size(); i++) {
                    memoryRow(md, "nethttp", m.ours().get(i));
                    memoryRow(md, "Go net/http", m.go().get(i));
                }
            }
        }

        md.append("\n## Raw pairs\n");
        for (Outcome o : outcomes) {
            String a = o.comparison().a().label();
            String b = o.comparison().b().label();
            String unit = o.comparison().unit();
            md.append("\n### ").append(o.comparison().title()).append("\n\n");
            md.append("Warm-up (").append(unit).append("): ").append(a).append(' ').append(warm(o.warmA())).append("; ")
                    .append(b).append(' ').append(warm(o.warmB())).append(".\n\n");
            md.append("| Round | First | ").append(a).append(" (").append(unit).append(") | p99 | ").append(b).append(" (")
                    .append(unit).append(") | p99 | Ratio | Steal | Load |\n");
            md.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
            for (Round r : o.rounds()) {
                md.append(String.format("| %d | %s | %s | %s | %s | %s | %.3f | %.1f%% | %.2f |%n", r.number(), r.aFirst() ? a : b,
                        value(r.a()), p99(r.a()), value(r.b()), p99(r.b()), r.ratio(), 100 * r.steal(), r.load()));
            }
        }
        return md.toString();
    }

    /** A target ratio with as many decimals as it needs: 1.0×, 0.97×. */
    static String times(double target) {
        String t = String.format("%.2f", target);
        return (t.endsWith("0") ? t.substring(0, t.length() - 1) : t) + "×";
    }

    private static void memoryRow(StringBuilder md, String label, MemorySample m) {
        boolean heap = !Double.isNaN(m.heapPerConnectionKb());
        md.append(String.format("| %s | %,d → %,d | %,d → %,d kB | %.1f kB | %s | %s | %d | %.2f |%n", label, m.first(),
                m.connections(), m.rssFirstKb(), m.rssKb(), m.perConnectionKb(),
                heap ? String.format("%,d → %,d kB", m.heapFirstKb(), m.heapKb()) : "—",
                heap ? String.format("%.1f kB", m.heapPerConnectionKb()) : "—", m.failed(), m.load()));
    }

    private static String warm(WarmUp w) {
        return w.runs().stream().map(v -> String.format("%,.0f", v)).collect(Collectors.joining(", "))
                + (w.steady() ? " (settled)" : " (**did not settle**)");
    }

    private static String value(Sample s) {
        return String.format("%,.1f", s.value()) + (s.errors() > 0 ? " (" + s.errors() + " failed)" : "");
    }

    private static String p99(Sample s) {
        return Double.isNaN(s.p99ms()) ? "—" : String.format("%.2f ms", s.p99ms());
    }
}
