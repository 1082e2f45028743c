package nethttp.book;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The book's checks on a tiny library and a tiny book, made up for each test. */
class BookToolsTest {
    @TempDir
    Path dir;

    private Path src;
    private Path book;

    private void write(Path file, String... lines) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n");
    }

    private void library() throws IOException {
        src = dir.resolve("src");
        book = dir.resolve("book");
        write(src.resolve("p/package-info.java"), "/** Told in chapter 2 of the book. */", "package p;");
        write(src.resolve("p/Loop.java"),
                "package p;",
                "import nethttp.annotations.Mirrors;",
                "/** Not an annotation: @Mirrors(file = \"x.go\", func = \"inComment\") */",
                "@Mirrors(file = \"net/http/server.go\", func = \"Server\")",
                "public final class Loop {",
                "    private final String s = \"{ a brace in a string\";",
                "    // tag::serve[]",
                "    @Mirrors(file = \"net/http/server.go\", func = \"Server.Serve\")",
                "    @Mirrors(file = \"net/http/server.go\", func = \"Server.ListenAndServe\")",
                "    public void serve() {",
                "    }",
                "    // end::serve[]",
                "    static final class Inner {",
                "        @Mirrors(file = \"net/http/server.go\", func = \"conn.serve\")",
                "        void run() {}",
                "    }",
                "}");
    }

    @Test
    void aQuotedTagPassesAndAnUnquotedOneFails() throws IOException {
        library();
        write(book.resolve("ch02-x.adoc"), "[#ch2]", "= Chapter 2: X", "", "include::{src-dir}/p/Loop.java[tag=serve]");
        assertEquals(List.of(), TagCheck.check(src, book));

        write(book.resolve("ch02-x.adoc"), "[#ch2]", "= Chapter 2: X");
        List<String> failures = TagCheck.check(src, book);
        assertEquals(1, failures.size());
        assertTrue(failures.get(0).contains("tag 'serve' is quoted by no chapter"), failures.get(0));
    }

    @Test
    void aTagWithoutItsEndIsReported() throws IOException {
        library();
        write(src.resolve("p/Open.java"), "package p;", "// tag::open[]", "class Open {}");
        write(book.resolve("ch02-x.adoc"), "[#ch2]", "= Chapter 2: X",
                "include::{src-dir}/p/Loop.java[tags=serve;open]");
        List<String> failures = TagCheck.check(src, book);
        assertEquals(1, failures.size());
        assertTrue(failures.get(0).contains("tag::open[] is never ended"), failures.get(0));
    }

    @Test
    void crossReferencesMustNameAnAnchorThatExists() throws IOException {
        library();
        write(book.resolve("ch02-x.adoc"), "[#ch2]", "= Chapter 2: X", "", "[#ch2-a]", "== A",
                "See <<ch2-a>>, xref:ch02-x.adoc#ch2-a[A] and xref:ch03-y.adoc#ch3[three].",
                "But not <<ch2-b>>, xref:ch02-x.adoc#nope[this] or xref:ch09-z.adoc#ch9[that].");
        write(book.resolve("ch03-y.adoc"), "[#ch3]", "= Chapter 3: Y");
        List<String> failures = XrefCheck.check(book, Tags.chapters(book));
        assertEquals(3, failures.size(), failures.toString());
        assertTrue(failures.get(0).contains("<<ch2-b>> names no anchor"));
        assertTrue(failures.get(1).contains("missing anchor ch02-x.adoc#nope"));
        assertTrue(failures.get(2).contains("missing page ch09-z.adoc"));
    }

    /** Two exercises, of chapters 2 and 5, each with the page that shows it; chapter 2 links both. */
    private Path exercises() throws IOException {
        library();
        Path exercises = dir.resolve("exercises");
        write(exercises.resolve("01-keys/README.adoc"), "= Exercise 01: Keys", "", "Belongs to: Chapter 5, reading.");
        write(exercises.resolve("01-keys/hints.adoc"), "= Hints for exercise 01");
        write(exercises.resolve("02-paths/README.adoc"), "= Exercise 02: Paths", "", "Belongs to: Chapter 2, the mux.");
        write(book.resolve("exercises/01-keys.adoc"), "include::{exercises-dir}/01-keys/README.adoc[]", "",
                "[#where]", "== Where", "Back to xref:../ch05-y.adoc#ch5-exercise[chapter 5].");
        write(book.resolve("exercises/02-paths.adoc"), "include::{exercises-dir}/02-paths/README.adoc[]");
        write(book.resolve("ch02-x.adoc"), "[#ch2]", "= Chapter 2: X", "", "[#ch2-exercise]", "== Exercise",
                "See xref:exercises/02-paths.adoc[Exercise 02] and link:exercises/01-keys.html[Exercise 01].");
        write(book.resolve("ch05-y.adoc"), "[#ch5]", "= Chapter 5: Y", "", "[#ch5-exercise]", "== Exercise",
                "See xref:exercises/01-keys.adoc#where[Exercise 01].");
        return exercises;
    }

    private List<Path> pages() {
        List<Path> pages = new ArrayList<>(Tags.chapters(book));
        pages.addAll(ExerciseCheck.exercisePages(book));
        return pages;
    }

    @Test
    void exercisesLinkedFromTheirChaptersPass() throws IOException {
        Path exercises = exercises();
        assertEquals(List.of(), ExerciseCheck.check(book, exercises, pages()));
        assertEquals(List.of(), XrefCheck.check(book, pages()));
    }

    @Test
    void aLinkToAnExercisePageThatDoesNotExistFails() throws IOException {
        Path exercises = exercises();
        write(book.resolve("ch05-y.adoc"), "[#ch5]", "= Chapter 5: Y", "", "[#ch5-exercise]", "== Exercise",
                "See xref:exercises/01-keys.adoc[Exercise 01], xref:exercises/09-none.adoc[Exercise 09]",
                "and link:exercises/08-gone.html[Exercise 08].");
        List<String> failures = ExerciseCheck.check(book, exercises, pages());
        assertEquals(2, failures.size(), failures.toString());
        assertTrue(failures.get(0).contains("ch05-y.adoc:6: link to missing exercise page exercises/09-none"),
                failures.get(0));
        assertTrue(failures.get(1).contains("ch05-y.adoc:7: link to missing exercise page exercises/08-gone"),
                failures.get(1));
    }

    @Test
    void anExerciseThatItsChapterDoesNotLinkFails() throws IOException {
        Path exercises = exercises();
        // Chapter 2 still links exercise 01, but 01 belongs to chapter 5.
        write(book.resolve("ch05-y.adoc"), "[#ch5]", "= Chapter 5: Y", "", "[#ch5-exercise]", "== Exercise");
        List<String> failures = ExerciseCheck.check(book, exercises, pages());
        assertEquals(List.of("exercise 01-keys is not linked from chapter 5 (ch05-y.adoc), where its README says it belongs"),
                failures);
    }

    @Test
    void anExerciseOfAChapterTheBookDoesNotHaveFails() throws IOException {
        Path exercises = exercises();
        write(exercises.resolve("03-later/README.adoc"), "= Exercise 03: Later", "", "Belongs to: Chapter 9, the client.");
        write(exercises.resolve("04-lost/README.adoc"), "= Exercise 04: Lost");
        List<String> failures = ExerciseCheck.check(book, exercises, pages());
        assertEquals(List.of(
                "exercises/03-later/README.adoc belongs to chapter 9, which the book does not have",
                "exercises/04-lost/README.adoc names no chapter (\"Belongs to: Chapter N\")"), failures);
    }

    @Test
    void anExercisePageShowsItsOwnInstructionsAndNotTheHints() throws IOException {
        Path exercises = exercises();
        write(book.resolve("exercises/01-keys.adoc"), "include::{exercises-dir}/01-keys/README.adoc[]",
                "include::{exercises-dir}/01-keys/hints.adoc[]");
        write(book.resolve("exercises/02-paths.adoc"), "include::{exercises-dir}/01-keys/README.adoc[]");
        List<String> failures = ExerciseCheck.check(book, exercises, pages());
        assertEquals(List.of(
                "exercises/01-keys.adoc:2: includes the hints, which the grader reveals one at a time",
                "exercises/02-paths.adoc shows no exercise: it does not include exercises/02-paths/README.adoc"),
                failures);
    }

    @Test
    void anExercisePageLinksBackFromItsOwnFolder() throws IOException {
        exercises();
        write(book.resolve("exercises/02-paths.adoc"), "include::{exercises-dir}/02-paths/README.adoc[]",
                "Back to xref:../ch02-x.adoc#ch2-exercise[chapter 2], not xref:ch02-x.adoc#ch2-exercise[this].");
        List<String> failures = XrefCheck.check(book, pages());
        assertEquals(1, failures.size(), failures.toString());
        assertTrue(failures.get(0).contains("02-paths.adoc:2: xref to missing page ch02-x.adoc"), failures.get(0));
    }

    @Test
    void theIndexNamesEachAnnotatedDeclarationAndTheSectionQuotingIt() throws IOException {
        library();
        write(book.resolve("ch02-x.adoc"), "[#ch2]", "= Chapter 2: X", "", "[#ch2-loop]", "== The loop",
                "include::{src-dir}/p/Loop.java[tag=serve]");
        List<String> problems = new ArrayList<>();
        List<GoIndex.Entry> entries = GoIndex.entries(src.resolve("p/Loop.java"), problems);
        assertEquals(List.of(), problems);
        assertEquals(List.of("p.Loop", "p.Loop#serve()", "p.Loop#serve()", "p.Loop.Inner#run()"),
                entries.stream().map(GoIndex.Entry::javaName).toList());

        String page = GoIndex.render(entries, src, book);
        assertTrue(page.contains("| `Server.Serve` | `p.Loop#serve()` | xref:ch02-x.adoc#ch2-loop[Chapter 2: The loop]"), page);
        // not quoted: the package's chapter, from package-info.java
        assertTrue(page.contains("| `conn.serve` | `p.Loop.Inner#run()` | xref:ch02-x.adoc#ch2[Chapter 2: X]"), page);
    }

    private Path scenarios() throws IOException {
        Path folder = dir.resolve("scenario");
        write(folder.resolve("Scenarios.java"),
                "package v;",
                "/** Not listed: new CommentedScenario() */",
                "final class Scenarios {",
                "    static final java.util.List<Scenario> ALL = java.util.List.of(",
                "            new KeepAliveScenario(),",
                "            new RaceScenario());",
                "}");
        write(folder.resolve("KeepAliveScenario.java"),
                "package v;",
                "final class KeepAliveScenario implements Scenario {",
                "    @Override",
                "    public String id() {",
                "        return \"keep-alive\";",
                "    }",
                "}");
        write(folder.resolve("RaceScenario.java"),
                "package v;",
                "final class RaceScenario implements Scenario {",
                "    public String id() { return \"race-idle-wins\"; }",
                "    public String title() { return \"not an id\"; }",
                "}");
        write(folder.resolve("CommentedScenario.java"),
                "package v;",
                "final class CommentedScenario implements Scenario {",
                "    public String id() { return \"commented\"; }",
                "}");
        return folder;
    }

    @Test
    void scenarioIdsAreReadFromTheClassesThatScenariosListsInItsOrder() throws IOException {
        Path folder = scenarios();
        List<String> failures = new ArrayList<>();
        assertEquals(List.of("keep-alive", "race-idle-wins"), ScenarioCheck.ids(folder, failures));
        assertEquals(List.of(), failures);
    }

    @Test
    void chaptersThatOpenEveryScenarioByARealIdPass() throws IOException {
        Path folder = scenarios();
        book = dir.resolve("book");
        write(book.resolve("ch04-x.adoc"), "[#ch4]", "= Chapter 4: X", "",
                "mvn -q -pl visualizer -am compile -Dvisualize -Dvisualizer.args=\"--scenario keep-alive\"");
        write(book.resolve("ch09-x.adoc"), "[#ch9]", "= Chapter 9: X", "", "`--scenario race-idle-wins`");
        assertEquals(List.of(), ScenarioCheck.check(folder, Tags.chapters(book)));
    }

    @Test
    void aScenarioIdTheVisualizerDoesNotHaveFails() throws IOException {
        Path folder = scenarios();
        book = dir.resolve("book");
        write(book.resolve("ch04-x.adoc"), "[#ch4]", "= Chapter 4: X", "",
                "-Dvisualizer.args=\"--scenario keep-alive\" and -Dvisualizer.args=\"--scenario keepalive\"",
                "`--scenario race-idle-wins`");
        List<String> failures = ScenarioCheck.check(folder, Tags.chapters(book));
        assertEquals(1, failures.size(), failures.toString());
        assertTrue(failures.get(0).startsWith("ch04-x.adoc:4: --scenario keepalive names no scenario"), failures.get(0));
    }

    @Test
    void aScenarioThatNoChapterOpensFails() throws IOException {
        Path folder = scenarios();
        book = dir.resolve("book");
        write(book.resolve("ch04-x.adoc"), "[#ch4]", "= Chapter 4: X", "",
                "// --scenario race-idle-wins is in a comment, which does not count",
                "-Dvisualizer.args=\"--scenario keep-alive\"");
        assertEquals(List.of("scenario race-idle-wins is opened by no chapter (no --scenario race-idle-wins)"),
                ScenarioCheck.check(folder, Tags.chapters(book)));
    }

    @Test
    void aListedScenarioWhoseIdCannotBeReadFails() throws IOException {
        Path folder = scenarios();
        write(folder.resolve("RaceScenario.java"),
                "package v;",
                "final class RaceScenario implements Scenario {",
                "    public String id() { return PREFIX + \"race\"; }",
                "}");
        List<String> failures = new ArrayList<>();
        assertEquals(List.of("keep-alive"), ScenarioCheck.ids(folder, failures));
        assertEquals(List.of("RaceScenario.java: id() does not return a string literal"), failures);
    }

    @Test
    void aListingWiderThanNinetyColumnsFailsAndIndentZeroIsTakenIntoAccount() throws IOException {
        library();
        String wide = "        int x = " + "1 + ".repeat(18) + "1;"; // 8 + 82 = 90 columns as written
        write(src.resolve("p/Wide.java"), "package p;", "class Wide {", "    void m() {",
                "        // tag::wide[]", wide, "        // end::wide[]", "    }", "}");
        write(book.resolve("ch02-x.adoc"), "[#ch2]", "= Chapter 2: X",
                "include::{src-dir}/p/Wide.java[tag=wide]");
        assertEquals(List.of(), ListingCheck.check(src, book));

        write(src.resolve("p/Wide.java"), "package p;", "class Wide {", "    void m() {",
                "        // tag::wide[]", wide + " ", "        // end::wide[]", "    }", "}");
        List<String> failures = ListingCheck.check(src, book);
        assertEquals(List.of("p/Wide.java:5: line of tag 'wide' is 91 columns wide, more than 90"), failures);

        // Quoted with indent=0, the same line loses its eight leading spaces and fits.
        write(book.resolve("ch02-x.adoc"), "[#ch2]", "= Chapter 2: X",
                "include::{src-dir}/p/Wide.java[tag=wide,indent=0]");
        assertEquals(List.of(), ListingCheck.check(src, book));
    }

    @Test
    void aListingThatOpensATryWithoutClosingItFails() throws IOException {
        library();
        write(src.resolve("p/Open.java"), "package p;", "class Open {", "    void m() {",
                "        // tag::half[]", "        try {", "            run();", "        // end::half[]",
                "        } finally {", "            done(\"}\"); // a brace in a string or comment: }",
                "        }", "    }", "}");
        write(book.resolve("ch02-x.adoc"), "[#ch2]", "= Chapter 2: X",
                "include::{src-dir}/p/Open.java[tag=half,indent=0]");
        assertEquals(List.of("p/Open.java:4: tag 'half' leaves 1 '{' open"), ListingCheck.check(src, book));

        // A region that closes a block it never showed open fails too.
        write(src.resolve("p/Open.java"), "package p;", "class Open {", "    void m() {",
                "        try {", "            run();", "        // tag::half[]",
                "        } finally {", "            done();", "        }", "        // end::half[]", "    }", "}");
        assertEquals(List.of("p/Open.java:6: tag 'half' closes a '}' it did not open (line 1 of the listing)"),
                ListingCheck.check(src, book));

        // The whole statement, braces and all, passes.
        write(src.resolve("p/Open.java"), "package p;", "class Open {", "    void m() {",
                "        // tag::half[]", "        try {", "            run();",
                "        } finally {", "            done(\")\");", "        }", "        // end::half[]", "    }", "}");
        assertEquals(List.of(), ListingCheck.check(src, book));
    }

    @Test
    void inlineCodeThatWouldRenderAsAnArrowFails() throws IOException {
        library();
        write(book.resolve("ch01-x.adoc"), "[#ch1]", "= Chapter 1: X",
                "A send is `ch <- v` and a lambda `(w, r) -> w`; literal: `+<-ch+`, and `a-b`.",
                "----", "ch <- v", "----");
        assertEquals(List.of(
                "ch01-x.adoc:3: `ch <- v` would show an arrow for its <- -> <= or =>; write `+ch <- v+`",
                "ch01-x.adoc:3: `(w, r) -> w` would show an arrow for its <- -> <= or =>; write `+(w, r) -> w+`"),
                InlineCodeCheck.check(Tags.chapters(book)));
    }
}
