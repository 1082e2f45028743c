package nethttp.book;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the book's tools know about the two sides of a quotation: the tagged regions in the
 * library's sources, and the {@code include::} lines in the chapters that quote them.
 */
final class Tags {
    private Tags() {}

    /** A tagged region of a source file: lines {@code begin} to {@code end}, 1-based, inclusive. */
    record Region(Path file, String name, int begin, int end) {
        boolean contains(int line) {
            return begin <= line && line <= end;
        }
    }

    /** One tag quoted by a chapter, with the anchor of the section the quotation stands in. */
    record Quote(Path chapter, int line, Path file, String tag, String sectionAnchor) {}

    /** A problem in the tags of a source file: an open tag never closed, or the reverse. */
    record Problem(Path file, int line, String message) {}

    private static final Pattern TAG = Pattern.compile("//\\s*(tag|end)::([\\w.-]+)\\[\\]");
    private static final Pattern INCLUDE = Pattern.compile("^include::\\{src-dir\\}/([^\\[]+)\\[(.*)\\]\\s*$");
    private static final Pattern TAG_ATTR = Pattern.compile("\\btags?=(\"[^\"]*\"|[^,\\]]*)");
    private static final Pattern ANCHOR = Pattern.compile("^\\[(?:#|\\[)([\\w-]+)");

    /** Every Java file under {@code root}, in a stable order. */
    static List<Path> javaFiles(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The chapters: every {@code .adoc} file directly in the book's folder. */
    static List<Path> chapters(Path bookDir) {
        try (Stream<Path> s = Files.list(bookDir)) {
            return s.filter(p -> p.toString().endsWith(".adoc")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The folder a page's relative links start from: the book's {@code exercises} folder for an
     * exercise page, the book's folder for everything else (the chapters, and the generated files
     * that pages at the top include, wherever the build writes them).
     */
    static Path baseOf(Path book, Path page) {
        Path exercisePages = book.resolve("exercises");
        return page.startsWith(exercisePages) ? exercisePages : book;
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tagged regions of one source file; unbalanced tags go to {@code problems}. */
    static List<Region> regions(Path file, List<Problem> problems) {
        List<String> text = lines(file);
        List<Region> done = new ArrayList<>();
        List<String> openNames = new ArrayList<>();
        List<Integer> openLines = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            Matcher m = TAG.matcher(text.get(i));
            if (!m.find()) continue;
            String name = m.group(2);
            int line = i + 1;
            if (m.group(1).equals("tag")) {
                if (openNames.contains(name) || done.stream().anyMatch(r -> r.name().equals(name))) {
                    problems.add(new Problem(file, line, "tag '" + name + "' is used twice in this file"));
                }
                openNames.add(name);
                openLines.add(line);
            } else {
                int at = openNames.lastIndexOf(name);
                if (at < 0) {
                    problems.add(new Problem(file, line, "end::" + name + "[] has no tag::" + name + "[] before it"));
                    continue;
                }
                done.add(new Region(file, name, openLines.get(at), line));
                openNames.remove(at);
                openLines.remove(at);
            }
        }
        for (int i = 0; i < openNames.size(); i++) {
            problems.add(new Problem(file, openLines.get(i), "tag::" + openNames.get(i) + "[] is never ended"));
        }
        return done;
    }

    /**
     * The tags each chapter quotes from {@code srcDir}, in the order they appear, each with the
     * nearest section anchor above it ({@code [#id]} or {@code [[id]]}).
     */
    static List<Quote> quotes(Path chapter, Path srcDir) {
        List<Quote> out = new ArrayList<>();
        String anchor = null;
        List<String> text = lines(chapter);
        for (int i = 0; i < text.size(); i++) {
            String line = text.get(i);
            Matcher a = ANCHOR.matcher(line);
            if (a.find()) anchor = a.group(1);
            Matcher inc = INCLUDE.matcher(line);
            if (!inc.matches()) continue;
            Path file = srcDir.resolve(inc.group(1)).normalize();
            Matcher t = TAG_ATTR.matcher(inc.group(2));
            while (t.find()) {
                String value = t.group(1).replace("\"", "");
                for (String tag : value.split("[;,]")) {
                    tag = tag.strip();
                    if (!tag.isEmpty() && !tag.startsWith("!") && !tag.equals("*") && !tag.equals("**")) {
                        out.add(new Quote(chapter, i + 1, file, tag, anchor));
                    }
                }
            }
        }
        return out;
    }
}
