package nethttp.bench;

import java.util.ArrayList;
import java.util.List;
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
        md.append(String.format("* Each side warmed up in %d s runs until the last %d agreed within %.0f%% and their median was at "
                + "most %.0f%% above that of the %d before (the JIT had stopped raising the throughput), none of those %d runs "
                + "with steal above %.0f%%, at most %d runs; an unsettled warm-up makes the comparison not conclusive.%n",
                t.warmSeconds(), Stats.WARM_WINDOW, 100 * Stats.WARM_TOLERANCE, 100 * Stats.WARM_RISE, Stats.WARM_WINDOW,
                2 * Stats.WARM_WINDOW, 100 * limits.maxSteal(), t.warmCap()));
        md.append(String.format("* Then rounds of %d s per side, back to back, the side that goes first alternating, with the CPU "
                + "steal (`/proc/stat`) and one-minute load average (`/proc/loadavg`) of each side's measurement. A pair in "
                + "which either side saw steal above %s is dropped (it stays below, marked); rounds go on until %d kept pairs "
                + "or at most %d rounds.%n", t.seconds(), String.format("%.0f%%", 100 * limits.maxSteal()), t.pairs(), t.roundCap()));
        int k = Stats.orderStatistic(limits.minPairs(), limits.confidence());
        md.append(String.format("* The verdict comes from the %.0f%% confidence interval of the median of the paired ratios, from "
                + "order statistics (the sign-test interval, which assumes nothing about how the ratios are distributed): "
                + "with n kept pairs sorted, [x(k), x(n+1−k)] for the largest k with P(Binomial(n, 1/2) < k) ≤ %s, "
                + "which for %d pairs is [x(%d), x(%d)] and holds the median with probability %.1f%%. A target \"≥ T\" is "
                + "_met_ when the interval's lower bound is at least T, _not met_ when its upper bound is below T, and "
                + "_not conclusive_ when it straddles T; \"≤ T\" (the p99 ratio, from its own paired p99 ratios) is the "
                + "mirror. A comparison is also not conclusive with fewer than %d kept pairs, a load average above %.1f, "
                + "an unsettled warm-up or any failed request. The median, min–max and spread are reported, not judged.%n%n",
                100 * limits.confidence(), String.format("%.3f", (1 - limits.confidence()) / 2), limits.minPairs(), k,
                limits.minPairs() + 1 - k, 100 * (1 - 2 * Stats.binomialBelow(limits.minPairs(), k)), limits.minPairs(),
                limits.extremeLoad()));

        md.append("## Targets\n\n");
        md.append("| Target | Verdict |\n|---|---|\n");
        for (Targets.Line l : Targets.lines(outcomes, memory)) {
            md.append("| ").append(l.target()).append(" | ").append(l.verdict()).append(" |\n");
        }
        md.append("\nA figure on a line that is not conclusive is a record of the run, not a result.\n\n");

        md.append("## Verdicts\n\n");
        md.append("| Comparison | Verdict | Target | Median ratio | Interval | Min–max | Spread | Pairs kept | p99 ratio | p99 interval "
                + "| Steal (kept) | Load |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Outcome o : outcomes) {
            var s = o.ratio();
            var p = o.p99();
            md.append(String.format("| %s | %s | %s | %s | %s | %s | %s | %d of %d | %s | %s | %s | %s |%n",
                    o.comparison().title(), o.judgement().text(),
                    Double.isNaN(o.comparison().target()) ? "—" : "≥ " + times(o.comparison().target()),
                    ratio(s.median()), interval(s.interval()), s.pairs() == 0 ? "—" : String.format("%.2f–%.2f", s.min(), s.max()),
                    s.pairs() == 0 ? "—" : String.format("%.0f%%", 100 * s.spread()), s.pairs(), o.rounds().size(),
                    p == null ? "—" : ratio(p.median()), p == null ? "—" : interval(p.interval()),
                    o.rounds().stream().filter(r -> r.kept(limits.maxSteal())).mapToDouble(Round::steal).max()
                            .stream().mapToObj(Results::percent).findFirst().orElse("—"),
                    Double.isNaN(o.loadMin()) ? "—" : String.format("%.1f–%.1f", o.loadMin(), o.loadMax())));
        }
        md.append("\nA figure in a row that is not conclusive is a record of the run, not a result. "
                + "Ratios are the first side ÷ the second, so above 1 the first is faster; the p99 ratio is the median "
                + "of the paired ratios of 99th-percentile latency, so above 1 the first is slower. The p99 verdict "
                + "(≤ 1.0×, for the hello comparison against Go) is in the targets above. Intervals, figures, steal and "
                + "load are of the kept pairs only.\n");

        if (!memory.isEmpty()) {
            md.append("\n## Memory per connection\n\n");
            md.append(String.format("Each server in a fresh process, warmed by wrk (a JVM until its young generation had been "
                    + "collected %d times, so that all of it is resident: its heap is fixed with `%s`); then %,d connections "
                    + "opened and measured, then %,d more and measured again. Per connection is the growth between the two "
                    + "steps over the %,d connections opened between them, so whatever the process held before the first step "
                    + "cancels out. RSS from `/proc/PID/status` after 2 s of quiet, for a JVM after a full GC (`jcmd PID GC.run`); "
                    + "a JVM's live heap is the heap in use after that collection (`jcmd PID GC.heap_info`). "
                    + "%d measurements per server, alternating. Conclusive when each server's RSS figures agree within %.0f%%, "
                    + "no connection failed, CPU steal over the whole measurement was at most %.0f%% and the load average at most %.1f; "
                    + "the target is ours ≤ Go's, in RSS.%n",
                    LoadDriver.MEMORY_WARM_COLLECTIONS, String.join(" ", LoadDriver.MEMORY_JVM), LoadDriver.MEMORY_FIRST,
                    LoadDriver.MEMORY_CONNECTIONS - LoadDriver.MEMORY_FIRST, LoadDriver.MEMORY_CONNECTIONS - LoadDriver.MEMORY_FIRST,
                    LoadDriver.MEMORY_REPEATS, 100 * LoadDriver.MEMORY_TOLERANCE, 100 * limits.maxSteal(), limits.maxLoad()));
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
            md.append("Warm-up (").append(unit).append("): ").append(a).append(' ').append(warm(o.warmA(), limits)).append("; ")
                    .append(b).append(' ').append(warm(o.warmB(), limits)).append(".\n\n");
            md.append("| Round | First | ").append(a).append(" (").append(unit).append(") | p99 | Steal | Load | ").append(b)
                    .append(" (").append(unit).append(") | p99 | Steal | Load | Ratio | Pair |\n");
            md.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
            for (Round r : o.rounds()) {
                md.append(String.format("| %d | %s | %s | %s | %s | %.2f | %s | %s | %s | %.2f | %.3f | %s |%n", r.number(),
                        r.aFirst() ? a : b, value(r.a()), p99(r.a()), percent(r.stealA()), r.loadA(), value(r.b()), p99(r.b()),
                        percent(r.stealB()), r.loadB(), r.ratio(), kept(r, limits)));
            }
        }
        return md.toString();
    }

    /** A target ratio with as many decimals as it needs: 1.0×, 0.97×. */
    static String times(double target) {
        return Stats.times(target);
    }

    /** "kept", or why the pair was dropped: "dropped (steal 3.1%)", "dropped (steal unknown)". */
    static String kept(Round r, Limits limits) {
        return r.kept(limits.maxSteal()) ? "kept" : "dropped (steal " + percent(r.steal()) + ")";
    }

    static String percent(double share) {
        return Double.isNaN(share) ? "unknown" : String.format("%.1f%%", 100 * share);
    }

    private static String ratio(double r) {
        return Double.isNaN(r) ? "—" : String.format("%.2f×", r);
    }

    private static String interval(Stats.Interval i) {
        return i.exists() ? String.format("%.2f–%.2f (%.1f%%)", i.low(), i.high(), 100 * i.confidence()) : "—";
    }

    private static void memoryRow(StringBuilder md, String label, MemorySample m) {
        boolean heap = !Double.isNaN(m.heapPerConnectionKb());
        md.append(String.format("| %s | %,d → %,d | %,d → %,d kB | %.1f kB | %s | %s | %d | %.2f |%n", label, m.first(),
                m.connections(), m.rssFirstKb(), m.rssKb(), m.perConnectionKb(),
                heap ? String.format("%,d → %,d kB", m.heapFirstKb(), m.heapKb()) : "—",
                heap ? String.format("%.1f kB", m.heapPerConnectionKb()) : "—", m.failed(), m.load()));
    }

    /** The warm-up's runs, each that saw too much steal marked with it. */
    static String warm(WarmUp w, Limits limits) {
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < w.runs().size(); i++) {
            double steal = w.steals().get(i);
            runs.add(String.format("%,.0f", w.runs().get(i)) + (steal <= limits.maxSteal() ? "" : " (steal " + percent(steal) + ")"));
        }
        return String.join(", ", runs) + (w.steady() ? " (settled)" : " (**did not settle**)");
    }

    private static String value(Sample s) {
        return String.format("%,.1f", s.value()) + (s.errors() > 0 ? " (" + s.errors() + " failed)" : "");
    }

    private static String p99(Sample s) {
        return Double.isNaN(s.p99ms()) ? "—" : String.format("%.2f ms", s.p99ms());
    }
}
