package nethttp.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nethttp.bench.LoadDriver.MemoryOutcome;
import nethttp.bench.LoadDriver.Outcome;
import nethttp.bench.Stats.Judgement;
import nethttp.bench.Stats.Verdict;

/**
 * One verdict line for each target the benchmarks were built to check, read off a run's
 * outcomes: met, not met, not conclusive (with the reasons), or not measured by this run.
 */
final class Targets {
    private Targets() {}

    /** A target and what the run says about it. */
    record Line(String target, String verdict) {}

    static List<Line> lines(List<Outcome> outcomes, List<MemoryOutcome> memory) {
        List<Line> l = new ArrayList<>();
        l.add(new Line("Throughput, GET hello at 50 connections, ≥ 1.0× Go's", ratio(outcomes, "hello-go")));
        l.add(new Line("p99 latency, GET hello at 50 connections, no worse than Go's (paired p99 ratio ≤ 1.0×)",
                p99(outcomes, "hello-go")));
        l.add(new Line("The same two with one carrier thread (the JVM's counterpart of GOMAXPROCS=1), reported: throughput",
                ratio(outcomes, "hello-go-1carrier")));
        l.add(new Line("The same two with one carrier thread, reported: p99", p99(outcomes, "hello-go-1carrier")));
        for (String size : List.of("1k", "64k")) {
            for (String framing : List.of("length", "chunked")) {
                l.add(new Line("POST /body, " + size.replace("k", " KiB") + ", "
                        + (framing.equals("length") ? "Content-Length" : "chunked") + ", ≥ 1.0× Go's",
                        ratio(outcomes, "post-" + size + "-" + framing)));
            }
        }
        l.add(new Line("Chunked streaming response (MiB/s), ≥ 1.0× Go's", ratio(outcomes, "stream")));
        l.add(new Line("10,000 keep-alive connections each making requests, ≥ 1.0× Go's", held(outcomes, "hello-10k")));
        l.add(new Line("Client against Go's http.Client, ≥ 1.0×", ratio(outcomes, "client")));
        l.add(new Line("Event calls with nobody listening cost < 3% (≥ 0.97× a server with them folded away)",
                ratio(outcomes, "events-off")));
        l.add(new Line("Throughput with an EventBus subscriber, reported", ratio(outcomes, "events")));
        l.add(new Line("Memory per idle connection at 10,000 connections ≤ Go's", memory(memory, false)));
        l.add(new Line("Memory per connection with a request in flight at 10,000 connections, reported (and ≤ Go's)",
                memory(memory, true)));
        return l;
    }

    private static Optional<Outcome> find(List<Outcome> outcomes, String id) {
        return outcomes.stream().filter(o -> o.comparison().id().equals(id)).findFirst();
    }

    private static String ratio(List<Outcome> outcomes, String id) {
        return find(outcomes, id).map(o -> describe(o.judgement(), o.ratio().text("median")))
                .orElse("not run (`--only` left it out)");
    }

    /**
     * The verdict of a comparison at many connections, with how many the load generator held open
     * during the measured rounds: fewer than asked for on either side, and the run did not
     * measure what the target says.
     */
    static String held(List<Outcome> outcomes, String id) {
        return find(outcomes, id).map(o -> {
            int runs = o.rounds().size();
            int fewest = Integer.MAX_VALUE;
            for (LoadDriver.Side s : List.of(o.comparison().a(), o.comparison().b())) {
                fewest = Math.min(fewest, s instanceof LoadDriver.HeldSide h ? h.fewestOpen(runs) : -1);
            }
            String figure = (o.ratio().pairs() == 0 ? "no pair kept, " : String.format("median %.2f×, ", o.ratio().median()))
                    + (fewest < 0 ? "open connections not counted" : String.format("at least %,d connections open in every round", fewest));
            Judgement j = o.judgement();
            if (fewest < LoadDriver.MANY_CONNECTIONS) {
                List<String> reasons = new ArrayList<>(j.reasons());
                reasons.add(fewest < 0 ? "open connections not counted"
                        : String.format("wrk held only %,d of %,d connections open", fewest, LoadDriver.MANY_CONNECTIONS));
                j = new Judgement(Verdict.NOT_CONCLUSIVE, reasons);
            }
            return describe(j, figure);
        }).orElse("not run (`--only` left it out)");
    }

    /** The p99 verdict, from the comparison's own paired p99 ratios and their interval. */
    static String p99(List<Outcome> outcomes, String id) {
        return find(outcomes, id).map(o -> describe(o.p99Judgement(), o.p99() == null ? "no p99 figure" : o.p99().text("median p99 ratio")))
                .orElse("not run (`--only` left it out)");
    }

    /** The memory verdict, on the RSS figures, with our live heap beside them to show where the memory is. */
    private static String memory(List<MemoryOutcome> memory, boolean inFlight) {
        return memory.stream().filter(m -> m.inFlight() == inFlight).findFirst().map(m -> {
            double heap = Stats.median(m.ours().stream().map(LoadDriver.MemorySample::heapPerConnectionKb).toList());
            return describe(m.judgement(), String.format("ours %.1f kB%s, Go's %.1f kB",
                    Stats.median(m.ours().stream().map(LoadDriver.MemorySample::perConnectionKb).toList()),
                    Double.isNaN(heap) ? "" : String.format(" (live heap %.1f kB)", heap),
                    Stats.median(m.go().stream().map(LoadDriver.MemorySample::perConnectionKb).toList())));
        }).orElse("not run (`--only` left it out)");
    }

    private static String describe(Judgement j, String figure) {
        return j.text() + " — " + figure;
    }
}
