package nethttp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's CPU time so far, from the first line of {@code /proc/stat}, in clock ticks: all
 * of it, and the part stolen by the hypervisor for other guests. Two readings give the share of
 * steal between them.
 */
record CpuTimes(long total, long steal) {
    /** Unknown: not Linux, or no /proc. */
    static final CpuTimes UNKNOWN = new CpuTimes(-1, -1);

    static CpuTimes read() {
        try (var lines = Files.lines(Path.of("/proc/stat"))) {
            return parse(lines.findFirst().orElse(""));
        } catch (IOException | RuntimeException e) {
            return UNKNOWN;
        }
    }

    /**
     * Reads {@code cpu  user nice system idle iowait irq softirq steal ...}. Guest time is already
     * inside user and nice, so only the first eight fields make the total.
     */
    static CpuTimes parse(String line) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 9 || !f[0].equals("cpu")) throw new IllegalArgumentException("not the cpu line of /proc/stat: " + line);
        long total = 0;
        for (int i = 1; i <= 8; i++) total += Long.parseLong(f[i]);
        return new CpuTimes(total, Long.parseLong(f[8]));
    }

    /** The share of CPU time stolen between {@code this} reading and a later one; NaN when unknown. */
    double stealUntil(CpuTimes later) {
        if (total < 0 || later.total < 0 || later.total <= total) return Double.NaN;
        return (later.steal - steal) / (double) (later.total - total);
    }
}
