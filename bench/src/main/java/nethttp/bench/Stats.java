package nethttp.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The arithmetic of a paired comparison, apart from any process so that it can be tested on fixed
 * numbers: when a warm-up is over, what the paired ratios say, and whether the run may say it.
 *
 * <p>On a shared machine the throughput of one server can change several-fold within a minute,
 * so a ratio of two figures measured minutes apart says more about the minute than about the
 * servers. Measuring the two sides back to back, many times, and taking the median of the
 * ratios keeps most of that out; the spread of the ratios (min to max, relative to the median)
 * shows how much got in, and a run whose spread is too wide gets no verdict at all.
 */
final class Stats {
    private Stats() {}

    /** The middle value; for an even count the mean of the two middle ones. */
    static double median(List<Double> xs) {
        if (xs.isEmpty()) throw new IllegalArgumentException("median of nothing");
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** The paired ratios of one comparison, summarised. */
    record Summary(int pairs, double median, double min, double max) {
        /** The min-max range relative to the median: 0.10 means the ratios lie within 10% of it. */
        double spread() {
            return (max - min) / median;
        }
    }

    /** Summarises ratios {@code a[i] / b[i]} of measurements taken back to back. */
    static Summary pairedRatios(List<Double> a, List<Double> b) {
        if (a.size() != b.size()) throw new IllegalArgumentException(a.size() + " against " + b.size() + " measurements");
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) ratios.add(a.get(i) / b.get(i));
        return summary(ratios);
    }

    static Summary summary(List<Double> ratios) {
        return new Summary(ratios.size(), median(ratios), Collections.min(ratios), Collections.max(ratios));
    }

    /**
     * Whether a warm-up may end: the last {@code window} runs agree, the largest no more than
     * {@code tolerance} above the smallest. A warm-up that keeps rising (the JIT at work) or
     * swinging (the machine busy) never agrees.
     */
    static boolean steady(List<Double> runs, int window, double tolerance) {
        if (runs.size() < window) return false;
        List<Double> last = runs.subList(runs.size() - window, runs.size());
        double min = Collections.min(last);
        return min > 0 && Collections.max(last) <= min * (1 + tolerance);
    }

    /** How much noise a conclusive run may carry. */
    record Limits(int minPairs, double maxSpread, double maxSteal, double maxLoad) {
        /**
         * The limits of the load driver on a machine with {@code cores} cores. The spread allows
         * for quiet-machine noise: if each 3-second measurement varies by about 3%, a ratio of two
         * varies by about 4%, and seven such ratios span about 11% from min to max. The load
         * allows for the driver's own busy threads (a server's two carriers, wrk) and little more.
         */
        static Limits forCores(int cores) {
            return new Limits(5, 0.15, 0.02, 2.0 * cores + 1);
        }
    }

    enum Verdict {
        MET("met"),
        NOT_MET("**not met**"),
        REPORTED("reported"),
        NOT_CONCLUSIVE("not conclusive");

        final String text;

        Verdict(String text) {
            this.text = text;
        }
    }

    /** A verdict and, when the run could not give one, every reason why. */
    record Judgement(Verdict verdict, List<String> reasons) {
        String text() {
            return reasons.isEmpty() ? verdict.text : verdict.text + " (" + String.join("; ", reasons) + ")";
        }
    }

    /** What the run during which the pairs were measured looked like. */
    record Conditions(double steal, double maxLoad, boolean warmedUp, long errors) {}

    /**
     * The verdict on a comparison whose median ratio should reach {@code target} (NaN: no target,
     * the ratio is only reported). Too few pairs, a wide spread, CPU steal, a high load, a warm-up
     * that never settled or failed requests make it not conclusive, whatever the median says.
     */
    static Judgement judge(Summary s, double target, Conditions c, Limits limits) {
        List<String> reasons = new ArrayList<>();
        if (s.pairs() < limits.minPairs()) reasons.add(s.pairs() + " pairs < " + limits.minPairs());
        if (s.spread() > limits.maxSpread()) reasons.add(String.format("spread %.0f%% > %.0f%%", 100 * s.spread(), 100 * limits.maxSpread()));
        noise(reasons, c, limits);
        if (c.errors() > 0) reasons.add(c.errors() + " failed requests");
        if (!reasons.isEmpty()) return new Judgement(Verdict.NOT_CONCLUSIVE, reasons);
        if (Double.isNaN(target)) return new Judgement(Verdict.REPORTED, List.of());
        return new Judgement(s.median() >= target ? Verdict.MET : Verdict.NOT_MET, List.of());
    }

    /**
     * The verdict on memory per connection, which should be no more than the other side's: each
     * side's repeated measurements must agree within {@code tolerance} (the largest at most that
     * much above the smallest), no connection may have failed, and steal and load must be within
     * the limits (on a busy machine a JVM's resident heap before the connections varies, and
     * with it the difference); then the medians are compared.
     */
    static Judgement judgeMemory(List<Double> ours, List<Double> theirs, double tolerance, Conditions c, Limits limits) {
        List<String> reasons = new ArrayList<>();
        if (ours.size() < 2 || theirs.size() < 2) reasons.add("fewer than two measurements per side");
        else {
            if (!agree(ours, tolerance)) reasons.add("our measurements disagree by more than " + Math.round(100 * tolerance) + "%");
            if (!agree(theirs, tolerance)) reasons.add("their measurements disagree by more than " + Math.round(100 * tolerance) + "%");
        }
        noise(reasons, c, limits);
        if (c.errors() > 0) reasons.add(c.errors() + " failed connections");
        if (!reasons.isEmpty()) return new Judgement(Verdict.NOT_CONCLUSIVE, reasons);
        return new Judgement(median(ours) <= median(theirs) ? Verdict.MET : Verdict.NOT_MET, List.of());
    }

    private static void noise(List<String> reasons, Conditions c, Limits limits) {
        if (Double.isNaN(c.steal())) reasons.add("steal unknown");
        else if (c.steal() > limits.maxSteal()) reasons.add(String.format("steal %.1f%% > %.1f%%", 100 * c.steal(), 100 * limits.maxSteal()));
        if (Double.isNaN(c.maxLoad())) reasons.add("load unknown");
        else if (c.maxLoad() > limits.maxLoad()) reasons.add(String.format("load %.1f > %.1f", c.maxLoad(), limits.maxLoad()));
        if (!c.warmedUp()) reasons.add("warm-up did not settle");
    }

    private static boolean agree(List<Double> xs, double tolerance) {
        return steady(xs, xs.size(), tolerance);
    }
}
