package nethttp.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nethttp.bench.LoadDriver.MemoryOutcome;
import nethttp.bench.LoadDriver.MemorySample;
import nethttp.bench.Stats.Conditions;
import nethttp.bench.Stats.Limits;
import nethttp.bench.Stats.Verdict;
import org.junit.jupiter.api.Test;

/** Memory per connection as the slope between two steps, on fixed numbers. */
class MemorySlopeTest {
    static final Limits LIMITS = new Limits(9, 0.95, 0.02, 5.0, 8.0);
    static final Conditions QUIET = new Conditions(0.001, 1.0, true, 0);

    @Test
    void perConnectionIsTheGrowthBetweenTheStepsOverTheConnectionsOpenedBetweenThem() {
        // 2,000 then 10,000 connections: 8,000 opened, 120,000 kB more resident, 80,000 kB more live heap.
        MemorySample m = new MemorySample(2_000, 10_000, 200_000, 320_000, 30_000, 110_000, 0, 1.0);
        assertEquals(15.0, m.perConnectionKb(), 1e-12);
        assertEquals(10.0, m.heapPerConnectionKb(), 1e-12);
        // Fewer made it than asked for: the divisor is the count that did.
        MemorySample fewer = new MemorySample(1_990, 9_990, 200_000, 320_000, -1, -1, 20, 1.0);
        assertEquals(15.0, fewer.perConnectionKb(), 1e-12);
    }

    @Test
    void whatTheProcessHeldBeforeTheFirstStepCancelsOut() {
        // The same connections in two JVMs, one of which had touched 100 MB more heap before any of
        // them: the old figure, (after - before) / count with "before" taken with no connections,
        // differed by more than 10%; the slope does not.
        MemorySample lean = new MemorySample(2_000, 10_000, 150_000, 270_000, 30_000, 110_000, 0, 1.0);
        MemorySample fat = new MemorySample(2_000, 10_000, 250_000, 370_000, 30_000, 110_000, 0, 1.0);
        assertEquals(lean.perConnectionKb(), fat.perConnectionKb(), 1e-12);
        var j = Stats.judgeMemory(List.of(lean.perConnectionKb(), fat.perConnectionKb()), List.of(14.9, 15.1), 0.10, QUIET, LIMITS);
        assertTrue(j.reasons().isEmpty(), j.text());
    }

    @Test
    void aProcessWithoutAHeapFigureHasNone() {
        MemorySample go = new MemorySample(2_000, 10_000, 40_000, 160_000, -1, -1, 0, 1.0);
        assertTrue(Double.isNaN(go.heapPerConnectionKb()));
    }

    @Test
    void theTargetLineShowsOurLiveHeapBesideTheResidentSizes() {
        MemorySample ours = new MemorySample(2_000, 10_000, 200_000, 296_000, 30_000, 86_000, 0, 1.0); // 12 kB, heap 7 kB
        MemorySample go = new MemorySample(2_000, 10_000, 40_000, 160_000, -1, -1, 0, 1.0); // 15 kB
        var j = Stats.judgeMemory(List.of(12.0, 12.0, 12.0), List.of(15.0, 15.0, 15.0), 0.10, QUIET, LIMITS);
        assertEquals(Verdict.MET, j.verdict());
        var m = new MemoryOutcome(false, "idle", List.of(ours, ours, ours), List.of(go, go, go), 0, 1.0, j);
        Map<String, String> lines = Targets.lines(List.of(), List.of(m)).stream()
                .collect(Collectors.toMap(Targets.Line::target, Targets.Line::verdict));
        assertEquals("met — ours 12.0 kB (live heap 7.0 kB), Go's 15.0 kB",
                lines.get("Memory per idle connection at 10,000 connections ≤ Go's"));
    }

    @Test
    void theResultsTableShowsBothStepsAndTheHeapForTheJvmOnly() {
        MemorySample ours = new MemorySample(2_000, 10_000, 200_000, 296_000, 30_000, 86_000, 0, 1.0);
        MemorySample go = new MemorySample(2_000, 10_000, 40_000, 160_000, -1, -1, 3, 1.5);
        var j = Stats.judgeMemory(List.of(12.0), List.of(15.0), 0.10, QUIET, LIMITS);
        var m = new MemoryOutcome(false, "idle", List.of(ours), List.of(go), 0, 1.5, j);
        String md = Results.markdown("now", LoadDriver.Timing.QUICK, LIMITS, false, "go", "wrk", List.of(), List.of(m));
        assertTrue(md.contains("| nethttp | 2,000 → 10,000 | 200,000 → 296,000 kB | 12.0 kB | 30,000 → 86,000 kB | 7.0 kB | 0 | 1.00 |"), md);
        assertTrue(md.contains("| Go net/http | 2,000 → 10,000 | 40,000 → 160,000 kB | 15.0 kB | — | — | 3 | 1.50 |"), md);
    }

    @Test
    void theHeapInUseIsReadFromEveryCollectorsHeapInfo() throws IOException {
        String serial = """
                12345:
                 def new generation   total 59008K, used 1049K [0x00000000e0000000, 0x00000000e4000000, 0x00000000e4000000)
                  eden space 52480K,   2% used [0x00000000e0000000, 0x00000000e0106738, 0x00000000e3340000)
                  from space 6528K,   0% used [0x00000000e3340000, 0x00000000e3340000, 0x00000000e39a0000)
                 Tenured    total 458752K, used 98304K [0x00000000e4000000, 0x0000000100000000, 0x0000000100000000)
                   the space 458752K,  21% used [0x00000000e4000000, 0x00000000ea000000, 0x00000000ea000200, 0x0000000100000000)
                 Metaspace       used 4321K, committed 4480K, reserved 1114112K
                  class space    used 400K, committed 448K, reserved 1048576K
                """;
        assertEquals(99_353, LoadDriver.heapUsedKb(serial));
        String g1 = """
                12345:
                 garbage-first heap   total reserved 524288K, committed 524288K, used 65432K [0x00000000e0000000, 0x0000000100000000)
                  region size 1024K, 2 young (2048K), 0 survivors (0K)
                 Metaspace       used 4321K, committed 4480K, reserved 1114112K
                """;
        assertEquals(65_432, LoadDriver.heapUsedKb(g1));
        assertThrows(IOException.class, () -> LoadDriver.heapUsedKb("12345:\nAttachNotSupportedException"));
    }
}
