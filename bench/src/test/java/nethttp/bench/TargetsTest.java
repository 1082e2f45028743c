package nethttp.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nethttp.bench.LoadDriver.Comparison;
import nethttp.bench.LoadDriver.MemoryOutcome;
import nethttp.bench.LoadDriver.MemorySample;
import nethttp.bench.LoadDriver.Outcome;
import nethttp.bench.LoadDriver.Round;
import nethttp.bench.LoadDriver.Sample;
import nethttp.bench.Stats.Verdict;
import nethttp.bench.LoadDriver.WarmUp;
import nethttp.bench.Stats.Conditions;
import nethttp.bench.Stats.Limits;
import org.junit.jupiter.api.Test;

/** The per-target verdict lines, on fixed outcomes. */
class TargetsTest {
    static final Limits LIMITS = new Limits(9, 0.95, 0.02, 5.0, 8.0);

    static Round round(int i, double a, double aP99, double b, double bP99, double stealA, double stealB) {
        return new Round(i, i % 2 == 1, new Sample(a, aP99, 0), new Sample(b, bP99, 0), stealA, stealB, 1.0, 1.0);
    }

    static Outcome outcome(String id, double target, List<Round> rounds) {
        Comparison c = new Comparison(id, id, "requests/s", LoadDriver.deferred("ours", () -> null),
                LoadDriver.deferred("theirs", () -> null), target);
        WarmUp w = new WarmUp(List.of(1.0, 1.0, 1.0, 1.0, 1.0, 1.0), List.of(0.0, 0.0, 0.0, 0.0, 0.0, 0.0), true);
        return LoadDriver.outcome(c, w, w, rounds, LIMITS);
    }

    /** Nine rounds, each side at the given rate (the first side 1% faster in every other round) and p99. */
    static Outcome outcome(String id, double target, double a, double aP99, double b, double bP99, double steal) {
        List<Round> rounds = new ArrayList<>();
        for (int i = 1; i <= 9; i++) rounds.add(round(i, a * (i % 2 == 0 ? 1.01 : 1.0), aP99, b, bP99, steal, steal));
        return outcome(id, target, rounds);
    }

    static Map<String, String> byTarget(List<Outcome> o, List<MemoryOutcome> m) {
        return Targets.lines(o, m).stream().collect(Collectors.toMap(Targets.Line::target, Targets.Line::verdict));
    }

    static String line(Map<String, String> lines, String start) {
        return lines.entrySet().stream().filter(e -> e.getKey().startsWith(start)).map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new AssertionError("no target " + start + " in " + lines.keySet()));
    }

    @Test
    void p99IsJudgedOnItsOwnPairedRatios() {
        var worse = byTarget(List.of(outcome("hello-go", 1.0, 90_000, 3.0, 80_000, 1.5, 0)), List.of());
        assertEquals("**not met** — median p99 ratio 2.00× (96.1% interval 2.00–2.00)", line(worse, "p99 latency"));
        assertEquals("met — median 1.13× (96.1% interval 1.13–1.14)", line(worse, "Throughput, GET hello"));
        var better = byTarget(List.of(outcome("hello-go", 1.0, 90_000, 1.2, 80_000, 1.5, 0)), List.of());
        assertEquals("met — median p99 ratio 0.80× (96.1% interval 0.80–0.80)", line(better, "p99 latency"));
    }

    @Test
    void aNoisyP99IsNotConclusiveWhileTheThroughputIsMet() {
        // Throughput 1.10× to 1.20× in every pair; p99 ratios from 0.6 to 1.4 in turn.
        List<Round> rounds = new ArrayList<>();
        double[] p99 = {0.6, 1.4, 0.7, 1.3, 0.8, 1.2, 0.9, 1.1, 1.0};
        for (int i = 1; i <= 9; i++) rounds.add(round(i, 110 + i, p99[i - 1], 100, 1.0, 0, 0));
        var lines = byTarget(List.of(outcome("hello-go", 1.0, rounds)), List.of());
        assertTrue(line(lines, "Throughput, GET hello").startsWith("met — "), line(lines, "Throughput, GET hello"));
        assertEquals("not conclusive (96.1% interval 0.70–1.30 straddles 1.0×) — median p99 ratio 1.00× (96.1% interval 0.70–1.30)",
                line(lines, "p99 latency"));
    }

    @Test
    void aPairWithStealOnEitherSideIsDroppedAndTheRestDecide() {
        List<Round> rounds = new ArrayList<>();
        for (int i = 1; i <= 9; i++) rounds.add(round(i, 105 + i, 1.0, 100, 1.0, 0.001, 0.004));
        // The host took 10% of the CPU while the second side ran: that pair (ratio 0.3) is left out.
        rounds.add(4, round(10, 30, 1.0, 100, 1.0, 0.0, 0.10));
        Outcome o = outcome("hello-go", 1.0, rounds);
        assertEquals(9, o.ratio().pairs());
        assertEquals(1, o.dropped());
        assertEquals(1.07, o.ratio().interval().low(), 1e-12);
        assertEquals(Verdict.MET, o.judgement().verdict());
        assertEquals("dropped (steal 10.0%)", Results.kept(o.rounds().get(4), LIMITS));
        assertEquals("kept", Results.kept(o.rounds().get(0), LIMITS));
    }

    @Test
    void tooFewPairsLeftAfterDroppingIsNotConclusive() {
        List<Round> rounds = new ArrayList<>();
        for (int i = 1; i <= 18; i++) rounds.add(round(i, 120, 1.0, 100, 1.0, i % 3 == 0 ? 0.01 : 0.05, 0.0));
        Outcome o = outcome("hello-go", 1.0, rounds);
        assertEquals(Verdict.NOT_CONCLUSIVE, o.judgement().verdict());
        assertEquals(List.of("6 pairs kept < 9 (12 dropped for steal)"), o.judgement().reasons());
        assertEquals(Verdict.NOT_CONCLUSIVE, o.p99Judgement().verdict());
    }

    @Test
    void aPairWhoseStealIsUnknownIsDroppedToo() {
        Round r = round(1, 120, 1.0, 100, 1.0, Double.NaN, 0.0);
        assertFalse(r.kept(0.02));
        assertEquals("dropped (steal unknown)", Results.kept(r, LIMITS));
        Outcome none = outcome("hello-go", 1.0, List.of(r));
        assertEquals(List.of("0 pairs kept < 9 (1 dropped for steal)"), none.judgement().reasons());
        assertTrue(byTarget(List.of(none), List.of()).get("Throughput, GET hello at 50 connections, ≥ 1.0× Go's")
                .startsWith("not conclusive (0 pairs kept < 9 (1 dropped for steal)) — no pairs kept"));
    }

    @Test
    void aWarmUpRunUnderStealIsMarked() {
        WarmUp w = new WarmUp(List.of(1000.0, 2000.0, 3000.0), List.of(0.0, 0.12, Double.NaN), false);
        assertEquals("1,000, 2,000 (steal 12.0%), 3,000 (steal unknown) (**did not settle**)", Results.warm(w, LIMITS));
    }

    @Test
    void resultsStateTheRuleAndMarkDroppedPairs() {
        List<Round> rounds = new ArrayList<>();
        for (int i = 1; i <= 9; i++) rounds.add(round(i, 105 + i, 1.0, 100, 1.0, 0.0, 0.0));
        rounds.add(round(10, 30, 1.0, 100, 1.0, 0.031, 0.0));
        String md = Results.markdown("now", LoadDriver.Timing.FULL, LIMITS, false, "go", "wrk",
                List.of(outcome("hello-go", 1.0, rounds)), List.of());
        assertTrue(md.contains("| dropped (steal 3.1%) |"), md);
        assertTrue(md.contains("95% confidence interval of the median of the paired ratios"), md);
        assertTrue(md.contains("9 kept pairs"), md);
        assertTrue(md.contains("at most 18 rounds"), md);
        assertTrue(md.contains("above 2%"), md);
        assertTrue(md.contains("Warm-up (requests/s): ours 1, 1, 1, 1, 1, 1 (settled)"), md);
    }

    @Test
    void theCostOfUnwatchedEventCallsIsJudgedAgainstThreePercent() {
        var cheap = byTarget(List.of(outcome("events-off", LoadDriver.EVENTS_OFF_TARGET, 98, 1, 100, 1, 0)), List.of());
        assertEquals("met — median 0.98× (96.1% interval 0.98–0.99)", line(cheap, "Event calls"));
        var dear = byTarget(List.of(outcome("events-off", LoadDriver.EVENTS_OFF_TARGET, 95, 1, 100, 1, 0)), List.of());
        assertEquals("**not met** — median 0.95× (96.1% interval 0.95–0.96)", line(dear, "Event calls"));
    }

    @Test
    void everyTargetHasALineAndWhatDidNotRunSaysSo() {
        var lines = Targets.lines(List.of(), List.of());
        assertEquals(15, lines.size());
        for (Targets.Line l : lines) assertTrue(l.verdict().startsWith("not "), l.toString());
    }

    @Test
    void memoryComparesMedians() {
        Function<Double, MemorySample> kb = v -> new MemorySample(2_000, 10_000, 100_000, 100_000 + (long) (v * 8_000), -1, -1, 0, 1.0);
        var j = Stats.judgeMemory(List.of(14.0, 14.5), List.of(12.4, 12.5), 0.10, new Conditions(0, 1.0, true, 0), LIMITS);
        var m = new MemoryOutcome(true, "busy", List.of(kb.apply(14.0), kb.apply(14.5)), List.of(kb.apply(12.4), kb.apply(12.5)),
                0, 1.0, j);
        assertEquals("**not met** — ours 14.3 kB, Go's 12.5 kB", line(byTarget(List.of(), List.of(m)), "Memory per connection with"));
        assertEquals("not run (`--only` left it out)", line(byTarget(List.of(), List.of(m)), "Memory per idle"));
    }
}
