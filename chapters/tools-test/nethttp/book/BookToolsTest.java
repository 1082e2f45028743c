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
                "import nethttp.core.Mirrors;",
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
}
