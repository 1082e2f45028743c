package nethttp.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every exercise has its folder, instructions naming its chapter, three or more hints and a stub. */
class LayoutTest {
    private static final Path DIR = Path.of(System.getProperty("exercises.dir", "."));

    @Test
    void everyExerciseHasItsFiles() throws IOException {
        for (Exercise<?> ex : Catalog.all()) {
            Path folder = DIR.resolve(ex.id());
            String readme = Files.readString(folder.resolve("README.adoc"));
            assertTrue(readme.contains("Chapter " + ex.chapter().charAt(0)), ex.id() + " names no chapter");
            assertTrue(Hints.of(DIR, ex.id()).count() >= 3, ex.id() + " has fewer than three hints");
            assertTrue(Files.exists(folder.resolve(ex.studentFile())), ex.id() + " has no student file");
            String stub = Files.readString(DIR.resolve("src/stubs").resolve(ex.id()).resolve(ex.studentFile()));
            assertTrue(stub.contains("throw new UnsupportedOperationException(\"" + Property.NOT_IMPLEMENTED + "\")"));
        }
    }

    /** The exercises whose hints are tied to their properties; the others' hints are shown in order. */
    private static final java.util.Set<String> TIED = java.util.Set.of("CanonicalKeysExercise", "CleanPathExercise",
            "MuxMatchingExercise", "RequestLineExercise", "ChunkedExercise", "BodyFramingExercise", "KeepAliveExercise",
            "HasTokenExercise", "IdlePoolExercise");

    /**
     * A failed property leads to a hint about it, so every property of those exercises has one;
     * in every exercise, each tie names a property.
     */
    @Test
    void everyPropertyHasItsOwnHint() throws IOException {
        for (Exercise<?> ex : Catalog.all()) {
            List<String> lines = Files.readAllLines(DIR.resolve(ex.id()).resolve("hints.adoc"));
            List<String> tied = Hints.tiedProperties(lines).stream().flatMap(List::stream).toList();
            List<String> names = ex.properties().stream().map(Property::name).toList();
            for (String t : tied) assertTrue(names.contains(t), ex.id() + ": hints.adoc ties a hint to no property: " + t);
            if (!TIED.contains(ex.getClass().getSimpleName()) && tied.isEmpty()) continue;
            for (String n : names) assertTrue(tied.contains(n), ex.id() + ": no hint for the property \"" + n + "\"");
        }
    }

    @Test
    void hintsAreSplitAtTheirHeadings() {
        List<String> tiers = Hints.parse(List.of("= Hints", "intro", "== Hint 1", "", "first", "== Hint 2", "second", "x"));
        assertEquals(List.of("first", "second\nx"), tiers);
    }
}
