package nethttp.book;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Fails the build when the library and the book disagree about tags: a {@code tag::} region no
 * chapter quotes, or a region whose {@code end::} is missing. (A chapter quoting a tag that does
 * not exist is caught by Asciidoctor itself, as a warning that fails the build.)
 *
 * <p>Run by {@link BookCheck}.
 */
final class TagCheck {
    private TagCheck() {}

    /** Every complaint, one line each, with file and line; empty when all is well. */
    static List<String> check(Path src, Path book) {
        List<Tags.Problem> problems = new ArrayList<>();
        List<Tags.Region> regions = new ArrayList<>();
        for (Path f : Tags.javaFiles(src)) regions.addAll(Tags.regions(f, problems));

        Set<String> quoted = new HashSet<>();
        for (Path chapter : Tags.chapters(book)) {
            for (Tags.Quote q : Tags.quotes(chapter, src)) quoted.add(key(q.file(), q.tag()));
        }

        List<String> failures = new ArrayList<>();
        for (Tags.Problem p : problems) {
            failures.add(src.relativize(p.file()) + ":" + p.line() + ": " + p.message());
        }
        for (Tags.Region r : regions) {
            if (!quoted.contains(key(r.file(), r.name()))) {
                failures.add(src.relativize(r.file()) + ":" + r.begin() + ": tag '" + r.name()
                        + "' is quoted by no chapter");
            }
        }
        return failures;
    }

    private static String key(Path file, String tag) {
        return file.toAbsolutePath().normalize() + "#" + tag;
    }
}
