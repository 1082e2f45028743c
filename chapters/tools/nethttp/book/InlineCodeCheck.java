package nethttp.book;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fails the build on inline code that Asciidoctor would not show as written: in a {@code `...`}
 * span, {@code <-}, {@code ->}, {@code <=} and {@code =>} become arrows, so Go's {@code ch <- v}
 * would be taught as {@code ch ← v}. Such code belongs in a literal span, {@code `+ch <- v+`}.
 *
 * <p>Run by {@link BookCheck}.
 */
final class InlineCodeCheck {
    private InlineCodeCheck() {}

    private static final Pattern SPAN = Pattern.compile("(?<![\\w`])`([^`+][^`]*)`(?![\\w`])");
    private static final Pattern ARROW = Pattern.compile("<-|->|<=|=>");

    /** Every complaint about the pages' prose, one line each; empty when all is well. */
    static List<String> check(List<Path> pages) {
        List<String> failures = new ArrayList<>();
        for (Path page : pages) {
            List<String> text = Tags.lines(page);
            boolean inBlock = false;
            for (int i = 0; i < text.size(); i++) {
                String line = text.get(i);
                if (line.equals("----") || line.equals("....")) {
                    inBlock = !inBlock;
                    continue;
                }
                if (inBlock) continue;
                Matcher m = SPAN.matcher(line);
                while (m.find()) {
                    if (ARROW.matcher(m.group(1)).find()) {
                        failures.add(page.getFileName() + ":" + (i + 1) + ": `" + m.group(1)
                                + "` would show an arrow for its <- -> <= or =>; write `+" + m.group(1) + "+`");
                    }
                }
            }
        }
        return failures;
    }
}
