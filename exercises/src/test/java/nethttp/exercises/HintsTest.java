package nethttp.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hint a student sees belongs to the property that failed; a stub that still throws gets none. */
class HintsTest {
    @TempDir
    Path dir;

    private Hints hints() throws IOException {
        Files.createDirectories(dir.resolve("00-x"));
        Files.writeString(dir.resolve("00-x/hints.adoc"), String.join("\n",
                "= Hints", "", "== Hint 1", "general one", "",
                "== Hint 2", "// property: splits", "about splitting", "",
                "== Hint 3", "// property: joins", "// property: splits", "about joining", "",
                "== Hint 4", "general two", ""));
        return Hints.of(dir, "00-x");
    }

    private static Verdict passed(String property) {
        return new Verdict(property, "", true, "", "", false, 1);
    }

    private static Verdict failed(String property) {
        return new Verdict(property, "", false, "\"x\"", "expected a, got b", false, 1);
    }

    private static Verdict stillThrows(String property) {
        return new Verdict(property, "", false, "\"x\"", "still throws", true, 1);
    }

    @Test
    void tiesAreReadAndLeftOutOfTheText() throws IOException {
        Hints h = hints();
        assertEquals(4, h.count());
        assertEquals("about joining", h.tier(3));
        assertEquals(List.of("joins", "splits"), h.propertiesOf(3));
        assertEquals(List.of(), h.propertiesOf(1));
    }

    @Test
    void theFirstFailedPropertyChoosesItsOwnHintsFirstThenTheOthers() throws IOException {
        Hints h = hints();
        List<Verdict> joinsFails = List.of(passed("splits"), failed("joins"));
        assertEquals(Optional.of(3), h.revealFor(joinsFails));
        assertEquals(Optional.of(1), h.revealFor(joinsFails));
        assertEquals(Optional.of(2), h.revealFor(joinsFails));
        assertEquals(Optional.of(4), h.revealFor(joinsFails));
        assertEquals(Optional.of(4), h.revealFor(joinsFails), "the last stays");
        List<Verdict> splitsFails = List.of(failed("splits"), failed("joins"));
        assertEquals(Optional.of(2), h.revealFor(splitsFails), "each property counts its own hints");
        assertEquals(Optional.of(3), h.revealFor(splitsFails));
    }

    @Test
    void aStubThatStillThrowsGetsNoHintAndUsesNone() throws IOException {
        Hints h = hints();
        assertEquals(Optional.empty(), h.revealFor(List.of(stillThrows("splits"), stillThrows("joins"))));
        assertEquals(Optional.empty(), h.revealFor(List.of(passed("splits"), passed("joins"))));
        assertEquals(Optional.of(3), h.revealFor(List.of(stillThrows("splits"), failed("joins"))),
                "a half-done file gets the hint of the half that runs and fails");
        assertEquals(Optional.of(2), h.revealFor(List.of(failed("splits"))), "hint 2 was not used up by the stub");
    }

    @Test
    void theReportNamesThePropertyTheHintIsFor() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Report.printHint(new PrintStream(bytes, true, StandardCharsets.UTF_8), hints(), List.of(failed("joins")));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("Hint 3 of 4, for \"joins\""), out);
        assertTrue(out.contains("about joining"), out);

        bytes.reset();
        Report.printHint(new PrintStream(bytes, true, StandardCharsets.UTF_8), hints(), List.of(stillThrows("joins")));
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    }
}
