package nethttp.book;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fails the build when a quoted listing reads badly: a line wider than {@link #MAX_WIDTH} columns
 * as the book shows it (after {@code indent=N}, if the include asks for it), or a region that
 * does not open and close its own blocks, such as a {@code try {} whose {@code }} is left out,
 * or a {@code }} that closes a block the reader never saw open.
 *
 * <p>Run by {@link BookCheck}.
 */
final class ListingCheck {
    private ListingCheck() {}

    /** The widest line a quoted listing may have: wider ones scroll or wrap on a page. */
    static final int MAX_WIDTH = 90;

    private static final Pattern INCLUDE = Pattern.compile("^include::\\{src-dir\\}/([^\\[]+)\\[(.*)\\]\\s*$");
    private static final Pattern INDENT = Pattern.compile("\\bindent=(\\d+)");

    /** Every complaint, one line each, with the source file and line; empty when all is well. */
    static List<String> check(Path src, Path book) {
        List<String> failures = new ArrayList<>();
        for (Path chapter : Tags.chapters(book)) {
            List<String> text = Tags.lines(chapter);
            for (int i = 0; i < text.size(); i++) {
                Matcher inc = INCLUDE.matcher(text.get(i));
                if (!inc.matches()) continue;
                Matcher ind = INDENT.matcher(inc.group(2));
                int indent = ind.find() ? Integer.parseInt(ind.group(1)) : -1;
                Path file = src.resolve(inc.group(1)).normalize();
                List<String> names = new ArrayList<>();
                for (Tags.Quote q : Tags.quotes(chapter, src)) {
                    if (q.line() == i + 1) names.add(q.tag());
                }
                if (names.isEmpty() || !file.toFile().isFile()) continue;
                List<Tags.Problem> ignored = new ArrayList<>();
                for (Tags.Region r : Tags.regions(file, ignored)) {
                    if (names.contains(r.name())) failures.addAll(region(src, r, indent));
                }
            }
        }
        return failures.stream().distinct().toList();
    }

    /** The complaints about one region, quoted with {@code indent} ({@code -1}: as it is). */
    static List<String> region(Path src, Tags.Region r, int indent) {
        List<String> all = Tags.lines(r.file());
        List<String> shown = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        for (int n = r.begin() + 1; n < r.end(); n++) {
            String line = all.get(n - 1);
            if (line.contains("tag::") || line.contains("end::")) continue; // Asciidoctor drops these
            shown.add(line);
            lineNumbers.add(n);
        }
        String where = src.relativize(r.file()) + ":";
        List<String> failures = new ArrayList<>();
        List<String> rendered = reindent(shown, indent);
        for (int k = 0; k < rendered.size(); k++) {
            int width = rendered.get(k).length();
            if (width > MAX_WIDTH) {
                failures.add(where + lineNumbers.get(k) + ": line of tag '" + r.name() + "' is " + width
                        + " columns wide, more than " + MAX_WIDTH);
            }
        }
        String balance = balance(String.join("\n", shown));
        if (balance != null) failures.add(where + r.begin() + ": tag '" + r.name() + "' " + balance);
        return failures;
    }

    /** The lines as Asciidoctor shows them: with {@code indent=N}, the common indent becomes N. */
    static List<String> reindent(List<String> lines, int indent) {
        if (indent < 0) return lines;
        int common = Integer.MAX_VALUE;
        for (String l : lines) {
            if (l.isBlank()) continue;
            int lead = 0;
            while (lead < l.length() && l.charAt(lead) == ' ') lead++;
            common = Math.min(common, lead);
        }
        if (common == Integer.MAX_VALUE) common = 0;
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            out.add(l.isBlank() ? "" : " ".repeat(indent) + l.substring(Math.min(common, l.length())));
        }
        return out;
    }

    /**
     * Why the braces and parentheses of the code do not balance, or {@code null} when they do:
     * every one closed in the region was opened in it, and every one opened is closed.
     */
    static String balance(String code) {
        String bare = JavaText.blankCommentsAndLiterals(code);
        StringBuilder open = new StringBuilder();
        int line = 1;
        for (int i = 0; i < bare.length(); i++) {
            char c = bare.charAt(i);
            if (c == '\n') line++;
            if (c == '{' || c == '(') open.append(c);
            if (c == '}' || c == ')') {
                char want = c == '}' ? '{' : '(';
                if (open.isEmpty() || open.charAt(open.length() - 1) != want) {
                    return "closes a '" + c + "' it did not open (line " + line + " of the listing)";
                }
                open.setLength(open.length() - 1);
            }
        }
        if (!open.isEmpty()) return "leaves " + open.length() + " '" + open.charAt(0) + "' open";
        return null;
    }
}
