package nethttp.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nethttp.bench.Stats.Conditions;
import nethttp.bench.Stats.Judgement;
import nethttp.bench.Stats.Limits;
import nethttp.bench.Stats.Summary;
import nethttp.bench.Stats.Verdict;
import org.junit.jupiter.api.Test;

/** The statistics of the paired comparison, on fixed numbers. */
class StatsTest {
    static final Limits LIMITS = new Limits(5, 0.10, 0.02, 5.0);
    static final Conditions QUIET = new Conditions(0.001, 2.5, true, 0);

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(3.0, Stats.median(List.of(5.0, 1.0, 3.0)));
        assertEquals(2.5, Stats.median(List.of(4.0, 1.0, 3.0, 2.0)));
        assertEquals(7.0, Stats.median(List.of(7.0)));
        assertThrows(IllegalArgumentException.class, () -> Stats.median(List.of()));
    }

    @Test
    void theMedianIsOfThePairedRatiosNotARatioOfMedians() {
        // The machine sped up and slowed down under both servers: per pair the first side is
        // 10%, 20%, 0%, 10% and 10% faster, while the medians of each side alone (90 and 90) say
        // the two are equal.
        List<Double> ours = List.of(110.0, 60.0, 90.0, 220.0, 55.0);
        List<Double> theirs = List.of(100.0, 50.0, 90.0, 200.0, 50.0);
        Summary s = Stats.pairedRatios(ours, theirs);
        assertEquals(5, s.pairs());
        assertEquals(1.10, s.median(), 1e-12);
        assertEquals(1.00, s.min(), 1e-12);
        assertEquals(1.20, s.max(), 1e-12);
        assertEquals(0.20 / 1.10, s.spread(), 1e-12);
    }

    @Test
    void pairsMustMatch() {
        assertThrows(IllegalArgumentException.class, () -> Stats.pairedRatios(List.of(1.0, 2.0), List.of(1.0)));
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
    void aQuietRunGivesAVerdictFromTheMedian() {
        Summary above = new Summary(7, 1.04, 1.00, 1.08);
        Summary below = new Summary(7, 0.96, 0.92, 1.00);
        assertEquals(new Judgement(Verdict.MET, List.of()), Stats.judge(above, 1.0, QUIET, LIMITS));
        assertEquals(new Judgement(Verdict.NOT_MET, List.of()), Stats.judge(below, 1.0, QUIET, LIMITS));
        assertEquals(new Judgement(Verdict.REPORTED, List.of()), Stats.judge(below, Double.NaN, QUIET, LIMITS));
    }

    @Test
    void aWideSpreadIsNotConclusiveEvenWhenTheMedianLooksGood() {
        Summary wide = new Summary(7, 1.12, 0.30, 2.10);
        Judgement j = Stats.judge(wide, 1.0, QUIET, LIMITS);
        assertEquals(Verdict.NOT_CONCLUSIVE, j.verdict());
        assertEquals(List.of("spread 161% > 10%"), j.reasons());
        assertEquals("not conclusive (spread 161% > 10%)", j.text());
    }

    @Test
    void everyKindOfNoiseIsNamed() {
        Summary tight = new Summary(3, 1.00, 0.99, 1.01);
        Judgement j = Stats.judge(tight, 1.0, new Conditions(0.05, 15.4, false, 12), LIMITS);
        assertEquals(Verdict.NOT_CONCLUSIVE, j.verdict());
        assertEquals(List.of("3 pairs < 5", "steal 5.0% > 2.0%", "load 15.4 > 5.0", "warm-up did not settle", "12 failed requests"),
                j.reasons());
    }

    @Test
    void unknownStealOrLoadIsNotConclusive() {
        Summary tight = new Summary(7, 1.00, 0.99, 1.01);
        Judgement j = Stats.judge(tight, 1.0, new Conditions(Double.NaN, Double.NaN, true, 0), LIMITS);
        assertEquals(List.of("steal unknown", "load unknown"), j.reasons());
    }

    @Test
    void theLimitsThemselvesAreAllowed() {
        // Values exact in binary, so that the comparison is at the limit and not a rounding error off it.
        Limits limits = new Limits(5, 0.25, 0.0625, 5.0);
        Summary atLimit = new Summary(5, 1.0, 0.875, 1.125);
        assertEquals(Verdict.MET, Stats.judge(atLimit, 1.0, new Conditions(0.0625, 5.0, true, 0), limits).verdict());
        Summary justOver = new Summary(5, 1.0, 0.875, 1.126);
        assertEquals(Verdict.NOT_CONCLUSIVE, Stats.judge(justOver, 1.0, new Conditions(0.0625, 5.0, true, 0), limits).verdict());
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
