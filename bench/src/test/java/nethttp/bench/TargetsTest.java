package nethttp.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import nethttp.bench.LoadDriver.WarmUp;
import nethttp.bench.Stats.Conditions;
import nethttp.bench.Stats.Limits;
import org.junit.jupiter.api.Test;

/** The per-target verdict lines, on fixed outcomes. */
class TargetsTest {
    static final Limits LIMITS = new Limits(5, 0.15, 0.02, 5.0);

    /** Seven rounds, each side at the given rate and p99, with the given steal. */
    static Outcome outcome(String id, double target, double a, double aP99, double b, double bP99, double steal) {
        Comparison c = new Comparison(id, id, "requests/s", null, null, target);
        List<Round> rounds = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            rounds.add(new Round(i, i % 2 == 1, new Sample(a, aP99, 0), new Sample(b, bP99, 0), steal, 1.0));
        }
        var s = Stats.summary(rounds.stream().map(Round::ratio).toList());
        var j = Stats.judge(s, target, new Conditions(steal, 1.0, true, 0), LIMITS);
        WarmUp w = new WarmUp(List.of(a, a, a), true);
        return new Outcome(c, w, w, rounds, steal, 1.0, 1.0, s, j);
    }

    static Map<String, String> byTarget(List<Outcome> o, List<MemoryOutcome> m) {
        return Targets.lines(o, m).stream().collect(Collectors.toMap(Targets.Line::target, Targets.Line::verdict));
    }

    static String line(Map<String, String> lines, String start) {
        return lines.entrySet().stream().filter(e -> e.getKey().startsWith(start)).map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new AssertionError("no target " + start + " in " + lines.keySet()));
    }

    @Test
    void p99IsJudgedOnThePairedRatioWhenTheRunIsQuiet() {
        var worse = byTarget(List.of(outcome("hello-go", 1.0, 90_000, 3.0, 80_000, 1.5, 0)), List.of());
        assertEquals("**not met** — median p99 ratio 2.00×", line(worse, "p99 latency"));
        assertEquals("met — median 1.13×", line(worse, "Throughput, GET hello"));
        var better = byTarget(List.of(outcome("hello-go", 1.0, 90_000, 1.2, 80_000, 1.5, 0)), List.of());
        assertEquals("met — median p99 ratio 0.80×", line(better, "p99 latency"));
    }

    @Test
    void aNoisyRunGivesNoP99VerdictEither() {
        var noisy = byTarget(List.of(outcome("hello-go", 1.0, 90_000, 1.2, 80_000, 1.5, 0.10)), List.of());
        assertEquals("not conclusive (steal 10.0% > 2.0%) — median p99 ratio 0.80×", line(noisy, "p99 latency"));
    }

    @Test
    void theCostOfUnwatchedEventCallsIsJudgedAgainstThreePercent() {
        var cheap = byTarget(List.of(outcome("events-off", LoadDriver.EVENTS_OFF_TARGET, 98, 1, 100, 1, 0)), List.of());
        assertEquals("met — median 0.98×", line(cheap, "Event calls"));
        var dear = byTarget(List.of(outcome("events-off", LoadDriver.EVENTS_OFF_TARGET, 96, 1, 100, 1, 0)), List.of());
        assertEquals("**not met** — median 0.96×", line(dear, "Event calls"));
    }

    @Test
    void everyTargetHasALineAndWhatDidNotRunSaysSo() {
        var lines = Targets.lines(List.of(), List.of());
        assertEquals(13, lines.size());
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
