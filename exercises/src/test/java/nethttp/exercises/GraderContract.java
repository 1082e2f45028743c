package nethttp.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * What every grader must do, checked with fixed seeds: accept the reference and correct
 * solutions written in other styles (the alternatives), fail the untouched stub with the
 * friendly "not implemented yet", reject every chaff under every seed (its mutation score is
 * 100%), and give the same verdicts when run twice with the same seed (a grader that does not is
 * flaky, and fails here; the second run is compared with the first run of the tests above). Every failure message names the seed.
 *
 * <p>In the tests, {@code exercises.*} are the pristine stubs from {@code src/stubs}, compiled
 * with the tests, so what a student did to the files in the exercise folders does not matter.
 *
 * @param <S> the exercise's subject interface
 */
abstract class GraderContract<S> {
    /** The seeds the graders are tested with; CI never draws new ones. */
    static final List<Long> SEEDS = List.of(Main.DEFAULT_SEED, 1L, 42L, 777L, 31337L);

    abstract Exercise<S> exercise();

    /** The chaffs, by name. */
    abstract Map<String, S> chaffs();

    /** Correct solutions written otherwise than the library (a regex, streams, BigInteger...), by name. */
    Map<String, S> alternatives() {
        return Map.of();
    }

    @TestFactory
    List<DynamicTest> contract() {
        Exercise<S> ex = exercise();
        List<DynamicTest> tests = new ArrayList<>();
        // The verdicts of the first runs, by subject and seed: the determinism check below runs
        // each once more and compares, rather than grading everything twice again.
        Map<String, Map<Long, List<Verdict>>> firstRuns = new java.util.concurrent.ConcurrentHashMap<>();
        tests.add(dynamicTest("accepts the reference", () -> {
            for (long seed : SEEDS) {
                List<Verdict> vs = ex.grade(ex.reference(), seed);
                firstRuns.computeIfAbsent(REFERENCE, k -> new java.util.HashMap<>()).put(seed, vs);
                assertTrue(vs.stream().allMatch(Verdict::passed), () -> "seed " + seed + ": " + failures(vs));
            }
        }));
        for (Map.Entry<String, S> alt : alternatives().entrySet()) {
            tests.add(dynamicTest("accepts the correct alternative " + alt.getKey(), () -> {
                for (long seed : SEEDS) {
                    List<Verdict> vs = ex.grade(alt.getValue(), seed);
                    assertTrue(vs.stream().allMatch(Verdict::passed),
                            () -> "seed " + seed + ", alternative " + alt.getKey() + ": " + failures(vs));
                }
            }));
        }
        Map<String, List<Long>> survivedSeeds = new java.util.TreeMap<>();
        tests.add(dynamicTest("fails the untouched stub, kindly", () -> {
            List<Verdict> vs = ex.grade(ex.student(), Main.DEFAULT_SEED);
            assertFalse(vs.isEmpty());
            for (Verdict v : vs) {
                assertFalse(v.passed(), () -> "seed " + Main.DEFAULT_SEED + ": the stub passed " + v.property());
                assertTrue(v.notImplemented(), () -> "seed " + Main.DEFAULT_SEED + ": not the stub's message: " + v);
            }
        }));
        for (Map.Entry<String, S> chaff : chaffs().entrySet()) {
            tests.add(dynamicTest("rejects the chaff " + chaff.getKey(), () -> {
                survivedSeeds.put(chaff.getKey(), new ArrayList<>(SEEDS));
                for (long seed : SEEDS) {
                    List<Verdict> vs = ex.grade(chaff.getValue(), seed);
                    firstRuns.computeIfAbsent(chaff.getKey(), k -> new java.util.HashMap<>()).put(seed, vs);
                    if (vs.stream().anyMatch(v -> !v.passed())) survivedSeeds.get(chaff.getKey()).remove(seed);
                    assertTrue(vs.stream().anyMatch(v -> !v.passed()),
                            () -> "seed " + seed + ": chaff " + chaff.getKey() + " passed every property");
                    for (Verdict v : vs) {
                        if (v.passed()) continue;
                        assertFalse(v.notImplemented());
                        assertFalse(v.input().isEmpty() || v.detail().isEmpty(), () -> "no counterexample: " + v);
                    }
                }
            }));
        }
        tests.add(dynamicTest("kills every chaff under every seed (mutation score)", () -> {
            int runs = chaffs().size() * SEEDS.size();
            long survived = survivedSeeds.values().stream().mapToLong(List::size).sum();
            assertEquals(chaffs().keySet(), survivedSeeds.keySet(), "each chaff is graded before the score");
            System.out.printf("%s: mutation score %d/%d (%d chaffs x %d seeds)%n",
                    ex.id(), runs - survived, runs, chaffs().size(), SEEDS.size());
            assertEquals(0, survived, () -> "chaffs that survived, with their seeds: " + survivedSeeds.entrySet()
                    .stream().filter(e -> !e.getValue().isEmpty()).map(Object::toString)
                    .collect(Collectors.joining(", ")));
        }));
        tests.add(dynamicTest("gives the same verdicts twice with the same seed", () -> {
            for (long seed : SEEDS.subList(0, 2)) {
                assertEquals(firstRun(firstRuns, REFERENCE, seed, ex, ex.reference()), ex.grade(ex.reference(), seed),
                        "flaky grader, seed " + seed);
                for (Map.Entry<String, S> chaff : chaffs().entrySet()) {
                    assertEquals(firstRun(firstRuns, chaff.getKey(), seed, ex, chaff.getValue()), ex.grade(chaff.getValue(), seed),
                            "flaky grader on chaff " + chaff.getKey() + ", seed " + seed);
                }
            }
        }));
        tests.add(dynamicTest("has at least three chaffs", () -> assertTrue(chaffs().size() >= 3)));
        return tests;
    }

    private static final String REFERENCE = "(the reference)";

    /** The verdicts an earlier test of this contract got for {@code name} and {@code seed}, or a new run's. */
    private static <S> List<Verdict> firstRun(Map<String, Map<Long, List<Verdict>>> firstRuns, String name, long seed,
            Exercise<S> ex, S subject) {
        List<Verdict> earlier = firstRuns.getOrDefault(name, Map.of()).get(seed);
        return earlier != null ? earlier : ex.grade(subject, seed);
    }

    private static String failures(List<Verdict> vs) {
        return vs.stream().filter(v -> !v.passed()).map(Verdict::toString).collect(Collectors.joining("\n"));
    }
}
