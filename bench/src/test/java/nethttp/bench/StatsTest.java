package nethttp.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nethttp.bench.Stats.Conditions;
import nethttp.bench.Stats.Direction;
import nethttp.bench.Stats.Interval;
import nethttp.bench.Stats.Judgement;
import nethttp.bench.Stats.Limits;
import nethttp.bench.Stats.PairedRun;
import nethttp.bench.Stats.Summary;
import nethttp.bench.Stats.Verdict;
import org.junit.jupiter.api.Test;

/** The statistics of the paired comparison, on fixed numbers. */
class StatsTest {
    static final Limits LIMITS = new Limits(9, 0.95, 0.02, 5.0, 8.0);
    static final Conditions QUIET = new Conditions(0.001, 2.5, true, 0);
    static final PairedRun QUIET_RUN = new PairedRun(0, 2.5, true, 0);

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(3.0, Stats.median(List.of(5.0, 1.0, 3.0)));
        assertEquals(2.5, Stats.median(List.of(4.0, 1.0, 3.0, 2.0)));
        assertEquals(7.0, Stats.median(List.of(7.0)));
        assertThrows(IllegalArgumentException.class, () -> Stats.median(List.of()));
    }

    @Test
    void theOrderStatisticOfTheIntervalIsTheLargestKWhoseTailFitsInHalfOfAlpha() {
        // P(Binomial(n, 1/2) < k) <= 0.025: with n = 5 even [min, max] misses the median with
        // probability 2/32 = 6.25%, so there is no 95% interval at all.
        assertEquals(0, Stats.orderStatistic(5, 0.95));
        assertEquals(1, Stats.orderStatistic(6, 0.95)); // P(X < 1) = 1/64
        assertEquals(1, Stats.orderStatistic(7, 0.95)); // 1/128; P(X < 2) = 8/128 is too much
        assertEquals(1, Stats.orderStatistic(8, 0.95)); // P(X < 2) = 9/256 = 3.5%
        assertEquals(2, Stats.orderStatistic(9, 0.95)); // P(X < 2) = 10/512 = 2.0%; P(X < 3) = 46/512
        assertEquals(2, Stats.orderStatistic(10, 0.95)); // P(X < 3) = 56/1024 = 5.5%
        assertEquals(5, Stats.orderStatistic(18, 0.95)); // P(X < 5) = 4048/2^18 = 1.5%; P(X < 6) = 4.8%
        assertEquals(1, Stats.orderStatistic(9, 0.99)); // P(X < 2) = 2.0% > 0.5%
    }

    @Test
    void theIntervalIsBetweenTheKthSmallestAndTheKthLargest() {
        Interval nine = Stats.medianInterval(List.of(1.9, 1.1, 1.8, 1.2, 1.7, 1.3, 1.6, 1.4, 1.5), 0.95);
        assertEquals(1.2, nine.low());
        assertEquals(1.8, nine.high());
        assertEquals(1 - 20.0 / 512, nine.confidence(), 1e-12);
        Interval seven = Stats.medianInterval(List.of(1.16, 1.203, 1.424, 1.323, 1.414, 1.291, 1.502), 0.95);
        assertEquals(1.16, seven.low());
        assertEquals(1.502, seven.high());
        assertEquals(1 - 2.0 / 128, seven.confidence(), 1e-12);
        Interval five = Stats.medianInterval(List.of(1.0, 1.1, 1.2, 1.3, 1.4), 0.95);
        assertFalse(five.exists(), "five pairs cannot give a 95% interval");
        assertTrue(Double.isNaN(five.low()) && Double.isNaN(five.high()));
    }

    @Test
    void theMedianIsOfThePairedRatiosNotARatioOfMedians() {
        // The machine sped up and slowed down under both servers: per pair the first side is
        // 10%, 20%, 0%, 10% and 10% faster, while the medians of each side alone (90 and 90) say
        // the two are equal.
        List<Double> ours = List.of(110.0, 60.0, 90.0, 220.0, 55.0, 66.0);
        List<Double> theirs = List.of(100.0, 50.0, 90.0, 200.0, 50.0, 60.0);
        Summary s = Stats.pairedRatios(ours, theirs, 0.95);
        assertEquals(6, s.pairs());
        assertEquals(1.10, s.median(), 1e-12);
        assertEquals(1.00, s.min(), 1e-12);
        assertEquals(1.20, s.max(), 1e-12);
        assertEquals(0.20 / 1.10, s.spread(), 1e-12);
        assertEquals(1.00, s.interval().low(), 1e-12);
        assertEquals(1.20, s.interval().high(), 1e-12);
    }

    @Test
    void pairsMustMatch() {
        assertThrows(IllegalArgumentException.class, () -> Stats.pairedRatios(List.of(1.0, 2.0), List.of(1.0), 0.95));
    }

    @Test
    void aWarmUpIsSteadyWhenItsLastRunsAgree() {
        assertFalse(Stats.steady(List.of(100.0, 101.0), 3, 0.05), "too few runs");
        assertFalse(Stats.steady(List.of(50.0, 80.0, 95.0, 100.0, 104.0), 3, 0.05), "still rising: 104/95 > 1.05");
        assertTrue(Stats.steady(List.of(50.0, 80.0, 98.0, 100.0, 102.0), 3, 0.05));
        assertFalse(Stats.steady(List.of(100.0, 60.0, 100.0), 3, 0.05), "swinging");
        assertFalse(Stats.steady(List.of(0.0, 0.0, 0.0), 3, 0.05), "a server that answers nothing is not warm");
    }

    @Test
    void aWarmUpIsOverWhenItsLastRunsAgreeAndNoLongerRise() {
        assertFalse(Stats.warmedUp(List.of(61.0, 60.0, 62.0, 55.0, 58.0)), "fewer than six runs");
        assertTrue(Stats.warmedUp(List.of(61.0, 60.0, 62.0, 55.0, 58.0, 60.0)), "noise within 10%, no rise");
        assertFalse(Stats.warmedUp(List.of(61.0, 60.0, 62.0, 55.0, 50.0, 60.0)), "60/50 is more than 10% apart");
        // 84, 88 and 92 agree within 10%, but their median is 10% above that of 70, 80 and 84:
        // the JIT is still at work.
        assertFalse(Stats.warmedUp(List.of(50.0, 60.0, 70.0, 80.0, 84.0, 88.0, 92.0)));
        // The nethttp hello warm-up of a past run (thousands of requests/s): the last three agree
        // within 5.2%, but their median is 64% above that of the three before; one run later it
        // is still 6.2% above; one more and it has stopped rising.
        List<Double> hello = List.of(4.108, 15.711, 25.650, 34.179, 41.044, 42.369, 46.995, 48.479, 74.876, 79.978, 79.504,
                76.060);
        assertFalse(Stats.warmedUp(hello));
        List<Double> more = new java.util.ArrayList<>(hello);
        more.add(81.0);
        assertFalse(Stats.warmedUp(more));
        more.add(78.0);
        assertTrue(Stats.warmedUp(more));
        // At the limits: 88 is 10% above 80, and the median 84 is 5% above 80.
        assertTrue(Stats.warmedUp(List.of(80.0, 80.0, 80.0, 80.0, 84.0, 88.0)));
        assertFalse(Stats.warmedUp(List.of(0.0, 0.0, 0.0, 0.0, 0.0, 0.0)), "a server that answers nothing is not warm");
    }

    @Test
    void aWarmUpRunUnderStealProvesNothing() {
        List<Double> flat = List.of(61.0, 60.0, 62.0, 55.0, 58.0, 60.0);
        assertTrue(Stats.warmedUp(flat, List.of(0.0, 0.0, 0.01, 0.0, 0.02, 0.0), 0.02));
        // A JVM whose CPU the host took in the fourth run: the plateau may be the host's, not the JIT's.
        assertFalse(Stats.warmedUp(flat, List.of(0.0, 0.0, 0.0, 0.15, 0.0, 0.0), 0.02));
        assertFalse(Stats.warmedUp(flat, List.of(0.0, 0.0, 0.0, 0.0, 0.0, Double.NaN), 0.02), "steal unknown");
        // Only the runs the rule looks at count: steal in the first run of seven is forgotten.
        List<Double> seven = List.of(10.0, 61.0, 60.0, 62.0, 55.0, 58.0, 60.0);
        assertTrue(Stats.warmedUp(seven, List.of(0.3, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0), 0.02));
    }

    static Summary nine(double... ratios) {
        List<Double> l = new java.util.ArrayList<>();
        for (double r : ratios) l.add(r);
        return Stats.summary(l, 0.95);
    }

    @Test
    void theVerdictComesFromTheIntervalNotFromTheSpread() {
        // Every pair above 1.0 with a 26% spread: the old rule said not conclusive, the interval
        // [x(2), x(8)] = [1.16, 1.45] lies above the target.
        Summary above = nine(1.13, 1.16, 1.20, 1.29, 1.32, 1.41, 1.42, 1.45, 1.50);
        assertEquals(1.16, above.interval().low());
        assertEquals(1.45, above.interval().high());
        assertEquals(new Judgement(Verdict.MET, List.of()), Stats.judge(above, 1.0, Direction.AT_LEAST, QUIET_RUN, LIMITS));
        Summary below = nine(0.80, 0.85, 0.86, 0.88, 0.90, 0.91, 0.93, 0.97, 1.02);
        assertEquals(new Judgement(Verdict.NOT_MET, List.of()), Stats.judge(below, 1.0, Direction.AT_LEAST, QUIET_RUN, LIMITS));
        assertEquals(new Judgement(Verdict.REPORTED, List.of()), Stats.judge(below, Double.NaN, Direction.AT_LEAST, QUIET_RUN, LIMITS));
    }

    @Test
    void anIntervalThatStraddlesTheTargetIsNotConclusiveWhateverTheMedian() {
        // The median is 1.12 and eight pairs of nine are above 1.0, but x(2) = 0.99 < 1.0.
        Summary straddling = nine(0.98, 0.99, 1.10, 1.11, 1.12, 1.13, 1.14, 1.15, 1.16);
        Judgement j = Stats.judge(straddling, 1.0, Direction.AT_LEAST, QUIET_RUN, LIMITS);
        assertEquals(Verdict.NOT_CONCLUSIVE, j.verdict());
        assertEquals(List.of("96.1% interval 0.99–1.15 straddles 1.0×"), j.reasons());
        assertEquals("not conclusive (96.1% interval 0.99–1.15 straddles 1.0×)", j.text());
    }

    @Test
    void theBoundsThemselvesDecide() {
        // At least: a lower bound at the target is met; an upper bound at it is not yet "below".
        assertEquals(Verdict.MET, Stats.judge(nine(0.9, 1.0, 1, 1, 1, 1, 1, 1.25, 2), 1.0, Direction.AT_LEAST, QUIET_RUN, LIMITS).verdict());
        assertEquals(Verdict.NOT_CONCLUSIVE,
                Stats.judge(nine(0.5, 0.75, 1, 1, 1, 1, 1, 1.0, 2), 1.0, Direction.AT_LEAST, QUIET_RUN, LIMITS).verdict());
        // At most, the mirror: an upper bound at the target is met; a lower bound at it is not "above".
        assertEquals(Verdict.MET, Stats.judge(nine(0.5, 0.75, 1, 1, 1, 1, 1, 1.0, 2), 1.0, Direction.AT_MOST, QUIET_RUN, LIMITS).verdict());
        assertEquals(Verdict.NOT_CONCLUSIVE,
                Stats.judge(nine(0.9, 1.0, 1, 1, 1, 1, 1, 1.25, 2), 1.0, Direction.AT_MOST, QUIET_RUN, LIMITS).verdict());
    }

    @Test
    void anAtMostTargetIsTheMirror() {
        Summary lower = nine(0.5, 0.6, 0.7, 0.8, 0.8, 0.8, 0.9, 0.95, 1.2);
        Summary higher = nine(0.9, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 2.0, 2.1);
        Summary across = nine(0.5, 0.6, 0.7, 0.8, 0.8, 0.8, 0.9, 1.05, 1.2);
        assertEquals(Verdict.MET, Stats.judge(lower, 1.0, Direction.AT_MOST, QUIET_RUN, LIMITS).verdict());
        assertEquals(Verdict.NOT_MET, Stats.judge(higher, 1.0, Direction.AT_MOST, QUIET_RUN, LIMITS).verdict());
        Judgement j = Stats.judge(across, 1.0, Direction.AT_MOST, QUIET_RUN, LIMITS);
        assertEquals(List.of("96.1% interval 0.60–1.05 straddles 1.0×"), j.reasons());
    }

    @Test
    void tooFewKeptPairsIsNotConclusiveAndSaysHowManyWereDropped() {
        Summary seven = Stats.summary(List.of(1.16, 1.203, 1.424, 1.323, 1.414, 1.291, 1.502), 0.95);
        Judgement j = Stats.judge(seven, 1.0, Direction.AT_LEAST, new PairedRun(4, 2.0, true, 0), LIMITS);
        assertEquals(Verdict.NOT_CONCLUSIVE, j.verdict());
        assertEquals(List.of("7 pairs kept < 9 (4 dropped for steal)"), j.reasons());
        assertEquals(List.of("7 pairs kept < 9"), Stats.judge(seven, 1.0, Direction.AT_LEAST, QUIET_RUN, LIMITS).reasons());
        // With a limit of seven pairs the same ratios are a verdict: [min, max] at 98.4% is above 1.0.
        Limits seventh = new Limits(7, 0.95, 0.02, 5.0, 8.0);
        assertEquals(Verdict.MET, Stats.judge(seven, 1.0, Direction.AT_LEAST, QUIET_RUN, seventh).verdict());
    }

    @Test
    void everyOtherReasonIsNamed() {
        Summary three = Stats.summary(List.of(1.00, 0.99, 1.01), 0.95);
        Judgement j = Stats.judge(three, 1.0, Direction.AT_LEAST, new PairedRun(0, 15.4, false, 12), LIMITS);
        assertEquals(Verdict.NOT_CONCLUSIVE, j.verdict());
        assertEquals(List.of("3 pairs kept < 9", "load 15.4 > 8.0", "warm-up did not settle", "12 failed requests"), j.reasons());
        Summary tight = nine(1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1);
        assertEquals(List.of("load unknown"), Stats.judge(tight, 1.0, Direction.AT_LEAST, new PairedRun(0, Double.NaN, true, 0), LIMITS).reasons());
    }

    @Test
    void onlyAnExtremeLoadStopsAPairedVerdict() {
        // A load above the memory limit (5.0) but not extreme (8.0) leaves the paired verdict alone.
        Summary above = nine(1.13, 1.16, 1.20, 1.29, 1.32, 1.41, 1.42, 1.45, 1.50);
        assertEquals(Verdict.MET, Stats.judge(above, 1.0, Direction.AT_LEAST, new PairedRun(0, 8.0, true, 0), LIMITS).verdict());
        assertEquals(List.of("load 8.5 > 8.0"),
                Stats.judge(above, 1.0, Direction.AT_LEAST, new PairedRun(0, 8.5, true, 0), LIMITS).reasons());
    }

    @Test
    void theLimitsForAMachineAskNinePairsAndA95PercentInterval() {
        Limits l = Limits.forCores(2);
        assertEquals(9, l.minPairs());
        assertEquals(0.95, l.confidence());
        assertEquals(0.02, l.maxSteal());
        assertEquals(5.0, l.maxLoad());
        assertEquals(8.0, l.extremeLoad());
    }

    @Test
    void stealIsItsShareOfAllCpuTimeBetweenTwoReadings() {
        CpuTimes before = CpuTimes.parse("cpu  321814 0 36841 65198 351 0 725 2676 0 0");
        assertEquals(321814 + 36841 + 65198 + 351 + 725 + 2676, before.total());
        assertEquals(2676, before.steal());
        // 1000 more ticks, 30 of them stolen; guest time (the last two fields) is already in user.
        CpuTimes after = CpuTimes.parse("cpu  322500 0 37000 65310 351 0 738 2706 90 0");
        assertEquals(0.03, before.stealUntil(after), 1e-12);
        assertTrue(Double.isNaN(before.stealUntil(before)));
        assertTrue(Double.isNaN(CpuTimes.UNKNOWN.stealUntil(after)));
        assertThrows(IllegalArgumentException.class, () -> CpuTimes.parse("cpu0 1 2 3 4 5 6 7 8"));
    }

    @Test
    void memoryIsComparedOnlyWhenEachSideAgreesWithItself() {
        assertEquals(Verdict.MET, Stats.judgeMemory(List.of(13.0, 13.4), List.of(14.9, 15.1), 0.10, QUIET, LIMITS).verdict());
        assertEquals(Verdict.NOT_MET, Stats.judgeMemory(List.of(16.0, 16.5), List.of(14.9, 15.1), 0.10, QUIET, LIMITS).verdict());
        Judgement noisy = Stats.judgeMemory(List.of(9.0, 13.0), List.of(14.9, 15.1), 0.10, QUIET, LIMITS);
        assertEquals(Verdict.NOT_CONCLUSIVE, noisy.verdict());
        assertEquals(List.of("our measurements disagree by more than 10%"), noisy.reasons());
        assertEquals(List.of("fewer than two measurements per side", "3 failed connections"),
                Stats.judgeMemory(List.of(13.0), List.of(15.0, 15.0), 0.10, new Conditions(0.0, 1.0, true, 3), LIMITS).reasons());
        assertEquals(List.of("their measurements disagree by more than 10%"),
                Stats.judgeMemory(List.of(13.0, 13.0), List.of(-1.0, 15.0), 0.10, QUIET, LIMITS).reasons(), "a shrinking RSS is no measurement");
    }

    @Test
    void memoryOnABusyMachineIsNotConclusiveEvenWhenTheMeasurementsAgree() {
        Judgement j = Stats.judgeMemory(List.of(13.0, 13.4), List.of(14.9, 15.1), 0.10, new Conditions(0.03, 9.9, true, 0), LIMITS);
        assertEquals(Verdict.NOT_CONCLUSIVE, j.verdict());
        assertEquals(List.of("steal 3.0% > 2.0%", "load 9.9 > 5.0"), j.reasons());
    }
}
