package nethttp.bench;

import java.util.Arrays;

/**
 * The entry point behind {@code mvn -pl bench -am compile -Dbench=WHAT}: {@code jmh} runs the
 * parser benchmarks ({@link JmhRun}), {@code load} the end-to-end driver ({@link LoadDriver}).
 */
public final class Bench {
    private Bench() {}

    public static void main(String[] args) throws Exception {
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args.length == 0 ? "" : args[0]) {
            case "jmh" -> JmhRun.main(rest);
            case "load" -> LoadDriver.main(rest);
            default -> {
                System.err.println("usage: Bench jmh [JMH options] | load [--quick] [--only ID,ID] [--jfr]");
                System.exit(2);
            }
        }
    }
}
