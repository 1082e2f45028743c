package nethttp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the JMH benchmarks of this module (or those matching JMH's usual command-line options)
 * and writes their scores to {@code results/JMH.md}.
 */
final class JmhRun {
    private JmhRun() {}

    public static void main(String[] args) throws Exception {
        var cli = new CommandLineOptions(args);
        var opts = new OptionsBuilder().parent(cli);
        if (cli.getIncludes().isEmpty()) opts.include("nethttp\\.bench\\..*Bench");
        double loadBefore = Machine.loadAverage();
        Collection<RunResult> results = new Runner(opts.build()).run();
        write(Path.of("results", "JMH.md"), results, loadBefore);
    }

    static void write(Path file, Collection<RunResult> results, double loadBefore) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# JMH: parsing, chunked decoding and one request through the server, one thread\n\n");
        md.append("Run ").append(ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME))
                .append(" on ").append(Machine.describe()).append(".\n");
        md.append(String.format("Load average (1 min) before the run: %.2f%s.%n%n", loadBefore,
                loadBefore < 0.5 ? "" : " — **the machine was busy: treat these numbers as noisy**"));
        md.append("| Benchmark | Parameters | Score | Error (99.9%) | Bytes/s |\n|---|---|---:|---:|---:|\n");
        for (RunResult r : results) {
            var params = r.getParams();
            StringBuilder p = new StringBuilder();
            for (String k : params.getParamsKeys()) p.append(k).append('=').append(params.getParam(k)).append(' ');
            Result<?> primary = r.getPrimaryResult();
            Result<?> bytes = r.getSecondaryResults().get("bytes");
            md.append(String.format("| %s | %s | %,.0f %s | ± %,.0f | %s |%n",
                    params.getBenchmark().replace("nethttp.bench.", ""), p.toString().trim(),
                    primary.getScore(), primary.getScoreUnit(), primary.getScoreError(),
                    bytes == null ? "" : String.format("%,.1f MB/s", bytes.getScore() / 1e6)));
        }
        md.append("\nScores of `ParseBench` are requests per second (64 requests read back to back from one ")
                .append("`BufioReader`, as on a keep-alive connection); of `ChunkedBench`, 64 KiB bodies per second; of the ")
                .append("`Serve*Bench` variants, requests per second over one loopback keep-alive connection, run one after the ")
                .append("other (compare them across several runs on a busy machine).\n");
        Files.createDirectories(file.getParent());
        Files.writeString(file, md);
        System.out.println("wrote " + file.toAbsolutePath());
    }
}
