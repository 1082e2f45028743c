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
 * ratios keeps most of that out. What got in decides how sure the median is, and that is what
 * the verdict asks: a confidence interval for the median of the paired ratios that makes no
 * assumption about their distribution (an order-statistic, or sign-test, interval). When the
 * whole interval is on one side of the target, the run has an answer however wide the spread;
 * when it straddles the target, it has none however good the median looks.
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

    /**
     * The k of the interval [x(k), x(n+1-k)] of {@code n} sorted values that holds the median with
     * at least {@code confidence}: the largest k with P(Binomial(n, 1/2) &lt; k) at most half of
     * 1 - confidence, or 0 when even [min, max] is not sure enough (n = 5 for 95%).
     *
     * <p>Why: each value falls below the true median with probability 1/2, independently, so the
     * count below it is Binomial(n, 1/2). The median lies under x(k) only if fewer than k values
     * fall below it, and above x(n+1-k) only if fewer than k fall above it; the two tails are
     * equal, so the interval misses with probability 2 P(X &lt; k).
     */
    static int orderStatistic(int n, double confidence) {
        double alphaHalf = (1 - confidence) / 2;
        int k = 0;
        while (k < (n + 1) / 2 && binomialBelow(n, k + 1) <= alphaHalf) k++;
        return k;
    }

    /** P(Binomial(n, 1/2) &lt; k). */
    static double binomialBelow(int n, int k) {
        double p = 0;
        double choose = 1; // C(n, i)
        for (int i = 0; i < k; i++) {
            p += choose;
            choose = choose * (n - i) / (i + 1);
        }
        return p / Math.pow(2, n);
    }

    /** An interval for a median, with the probability that it holds it; NaN bounds when there is none. */
    record Interval(double low, double high, double confidence) {
        static final Interval NONE = new Interval(Double.NaN, Double.NaN, Double.NaN);

        boolean exists() {
            return !Double.isNaN(low);
        }

        String text() {
            return String.format("%.1f%% interval %.2f–%.2f", 100 * confidence, low, high);
        }
    }

    /** The order-statistic interval of the median of {@code xs}, at least {@code confidence} sure. */
    static Interval medianInterval(List<Double> xs, double confidence) {
        int n = xs.size();
        int k = orderStatistic(n, confidence);
        if (k == 0) return Interval.NONE;
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return new Interval(s.get(k - 1), s.get(n - k), 1 - 2 * binomialBelow(n, k));
    }

    /** The paired ratios of one comparison, summarised. */
    record Summary(int pairs, double median, double min, double max, Interval interval) {
        /** The min-max range relative to the median: 0.10 means the ratios lie within 10% of it. */
        double spread() {
            return (max - min) / median;
        }

        /** The median and, when there is one, its interval: "median 1.32× (96.1% interval 1.16–1.45)". */
        String text(String what) {
            if (pairs == 0) return "no pairs kept";
            return String.format("%s %.2f×", what, median) + (interval.exists() ? " (" + interval.text() + ")" : "");
        }
    }

    /** Summarises ratios {@code a[i] / b[i]} of measurements taken back to back. */
    static Summary pairedRatios(List<Double> a, List<Double> b, double confidence) {
        if (a.size() != b.size()) throw new IllegalArgumentException(a.size() + " against " + b.size() + " measurements");
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) ratios.add(a.get(i) / b.get(i));
        return summary(ratios, confidence);
    }

    static Summary summary(List<Double> ratios, double confidence) {
        if (ratios.isEmpty()) return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Interval.NONE);
        return new Summary(ratios.size(), median(ratios), Collections.min(ratios), Collections.max(ratios),
                medianInterval(ratios, confidence));
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

    static final int WARM_WINDOW = 3;
    static final double WARM_TOLERANCE = 0.10;
    static final double WARM_RISE = 0.05;

    /**
     * Whether a warm-up of one-second runs may end: the last {@value #WARM_WINDOW} runs agree within
     * {@value #WARM_TOLERANCE} (largest over smallest), and their median is at most {@value
     * #WARM_RISE} above the median of the {@value #WARM_WINDOW} before them.
     *
     * <p>Why two tests: agreement alone passes a JIT that is still raising the throughput a few
     * percent a second, since three such runs agree; the rise test catches that. The rise test
     * alone passes a busy machine's swings; the agreement test catches those, loosely, since
     * the paired interval is what guards the verdict against noise: the warm-up only has to show
     * that the JIT has stopped. None of the runs looked at may have seen more than {@code
     * maxSteal} CPU steal (unknown steal counts as too much).
     */
    static boolean warmedUp(List<Double> runs, List<Double> steals, double maxSteal) {
        if (runs.size() != steals.size()) throw new IllegalArgumentException(runs.size() + " runs against " + steals.size() + " steals");
        if (runs.size() < 2 * WARM_WINDOW) return false;
        // A plateau the host imposed by taking the CPU says nothing about the JIT.
        for (double st : steals.subList(steals.size() - 2 * WARM_WINDOW, steals.size())) {
            if (!(st <= maxSteal)) return false;
        }
        return warmedUp(runs);
    }

    /** {@link #warmedUp(List, List, double)} without regard to steal. */
    static boolean warmedUp(List<Double> runs) {
        int n = runs.size();
        if (n < 2 * WARM_WINDOW || !steady(runs, WARM_WINDOW, WARM_TOLERANCE)) return false;
        double last = median(runs.subList(n - WARM_WINDOW, n));
        double before = median(runs.subList(n - 2 * WARM_WINDOW, n - WARM_WINDOW));
        return last <= before * (1 + WARM_RISE);
    }

    /**
     * What a run may carry and still give a verdict. A paired comparison needs {@code minPairs}
     * pairs kept (a pair is dropped when either side saw more than {@code maxSteal} CPU steal),
     * a median interval of {@code confidence} and a load average at most {@code extremeLoad}; a
     * memory comparison, which is not paired, needs steal and load within {@code maxSteal} and
     * {@code maxLoad} over the whole run.
     */
    record Limits(int minPairs, double confidence, double maxSteal, double maxLoad, double extremeLoad) {
        /**
         * The limits on a machine with {@code cores} cores. Nine pairs give a 96.1% interval from
         * the second-smallest to the second-largest ratio, so one wild pair at either end does
         * not move it. The memory load allows for the driver's own busy threads (a server's two
         * carriers, wrk) and little more; a paired run shares any other load between its two
         * sides, and its interval shows what that load did, so only a machine several times
         * oversubscribed stops it.
         */
        static Limits forCores(int cores) {
            return new Limits(9, 0.95, 0.02, 2.0 * cores + 1, 4.0 * cores);
        }
    }

    /** Whether a paired comparison's target is a floor (throughput) or a ceiling (p99 latency). */
    enum Direction {
        AT_LEAST,
        AT_MOST
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

    /** What the run during which the pairs were measured looked like (memory comparisons). */
    record Conditions(double steal, double maxLoad, boolean warmedUp, long errors) {}

    /**
     * What a paired comparison's run looked like: how many pairs were dropped for steal, the
     * highest load average while the kept ones ran, whether both warm-ups settled, failed requests.
     */
    record PairedRun(int dropped, double maxLoad, boolean warmedUp, long errors) {}

    /**
     * The verdict on a paired comparison whose median ratio should be at least (or at most)
     * {@code target}; NaN: no target, the ratio is only reported. Met when the median's interval
     * lies wholly on the right side of the target, not met when wholly on the wrong side, not
     * conclusive when it straddles it, and not conclusive whatever the interval says with too
     * few kept pairs, an extreme load, a warm-up that never settled or failed requests.
     */
    static Judgement judge(Summary s, double target, Direction direction, PairedRun run, Limits limits) {
        List<String> reasons = new ArrayList<>();
        if (s.pairs() < limits.minPairs()) {
            reasons.add(s.pairs() + " pairs kept < " + limits.minPairs() + (run.dropped() > 0 ? " (" + run.dropped() + " dropped for steal)" : ""));
        } else if (!s.interval().exists()) {
            reasons.add(String.format("%d pairs give no %.0f%% interval", s.pairs(), 100 * limits.confidence()));
        }
        // The load is that of the kept pairs: with none there is nothing to say about it.
        if (s.pairs() > 0 && Double.isNaN(run.maxLoad())) reasons.add("load unknown");
        if (run.maxLoad() > limits.extremeLoad()) reasons.add(String.format("load %.1f > %.1f", run.maxLoad(), limits.extremeLoad()));
        if (!run.warmedUp()) reasons.add("warm-up did not settle");
        if (run.errors() > 0) reasons.add(run.errors() + " failed requests");
        Interval i = s.interval();
        boolean hasTarget = !Double.isNaN(target);
        Verdict side = null;
        if (hasTarget && i.exists()) {
            boolean above = direction == Direction.AT_LEAST ? i.low() >= target : i.high() <= target;
            boolean below = direction == Direction.AT_LEAST ? i.high() < target : i.low() > target;
            side = above ? Verdict.MET : below ? Verdict.NOT_MET : null;
            if (side == null) reasons.add(i.text() + " straddles " + times(target));
        }
        if (!reasons.isEmpty()) return new Judgement(Verdict.NOT_CONCLUSIVE, reasons);
        return new Judgement(hasTarget ? side : Verdict.REPORTED, List.of());
    }

    /** A target ratio with as many decimals as it needs: 1.0×, 0.97×. */
    static String times(double target) {
        String t = String.format("%.2f", target);
        return (t.endsWith("0") ? t.substring(0, t.length() - 1) : t) + "×";
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
