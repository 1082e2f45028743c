package nethttp.book;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fails the build on a cross-reference to an anchor or a page that does not exist.
 *
 * <p>Asciidoctor only reports such references as information ("possible invalid reference"),
 * below the warning level that fails the build, and not at all for references between pages. So
 * the book keeps a simple convention that this check can hold it to: every target is an explicit
 * anchor ({@code [#id]} or {@code [[id]]}), and a reference names it as {@code <<id>>} within a
 * page or {@code xref:page.adoc#id[...]} across pages.
 */
final class XrefCheck {
    private XrefCheck() {}

    private static final Pattern ANCHOR = Pattern.compile("\\[#([\\w-]+)[\\].%]|\\[\\[([\\w-]+)\\]\\]|anchor:([\\w-]+)\\[");
    private static final Pattern INTERNAL = Pattern.compile("<<([\\w-]+)(?:,[^>]*)?>>");
    private static final Pattern XREF = Pattern.compile("xref:([\\w./-]*?)(?:#([\\w-]+))?\\[");

    /**
     * Checks the references in {@code pages} (the book's own files, its exercise pages and
     * generated files). A page's anchors include those of the pages it includes, as the
     * single-page book includes all. A target page is found from the folder of the page that
     * names it, or from the book's folder for a generated file.
     */
    static List<String> check(Path book, List<Path> pages) {
        List<String> failures = new ArrayList<>();
        for (Path page : pages) {
            List<String> lines = Tags.lines(page);
            Set<String> here = anchorsWithIncludes(page, new HashSet<>());
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.startsWith("//")) continue;
                String where = page.getFileName() + ":" + (i + 1) + ": ";
                Matcher in = INTERNAL.matcher(line);
                while (in.find()) {
                    if (!here.contains(in.group(1))) failures.add(where + "<<" + in.group(1) + ">> names no anchor");
                }
                Matcher x = XREF.matcher(line);
                while (x.find()) {
                    String target = x.group(1);
                    String id = x.group(2);
                    Set<String> there = here;
                    if (!target.isEmpty()) {
                        Path file = Tags.baseOf(book, page).resolve(target).normalize();
                        if (!target.endsWith(".adoc") || !Files.exists(file)) {
                            failures.add(where + "xref to missing page " + target);
                            continue;
                        }
                        there = anchorsWithIncludes(file, new HashSet<>());
                    }
                    if (id != null && !there.contains(id)) {
                        failures.add(where + "xref to missing anchor " + (target.isEmpty() ? "" : target) + "#" + id);
                    }
                }
            }
        }
        return failures;
    }

    private static final Pattern INCLUDE = Pattern.compile("^include::([\\w./-]+\\.adoc)\\[");

    private static Set<String> anchorsWithIncludes(Path page, Set<Path> seen) {
        Set<String> out = new HashSet<>();
        if (!seen.add(page)) return out;
        for (String line : Tags.lines(page)) {
            Matcher a = ANCHOR.matcher(line);
            while (a.find()) {
                for (int g = 1; g <= 3; g++) if (a.group(g) != null) out.add(a.group(g));
            }
            Matcher inc = INCLUDE.matcher(line);
            if (inc.find()) {
                Path included = page.resolveSibling(inc.group(1));
                if (Files.exists(included)) out.addAll(anchorsWithIncludes(included, seen));
            }
        }
        return out;
    }
}
