package nethttp.book;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Holds the book's "Watch it" sections to the visualizer: a {@code --scenario ID} in a page must
 * name a scenario the visualizer has, and every scenario it has must be named by some page.
 *
 * <p>The scenarios are read from source, not loaded: {@code Scenarios.java} lists them as
 * {@code new SomeScenario()}, and each such class, in the same folder, returns its id from
 * {@code id()} as a string literal. A scenario whose id cannot be read that way is a failure too,
 * so the check cannot quietly lose track of one.
 */
final class ScenarioCheck {
    private ScenarioCheck() {}

    private static final Pattern LISTED = Pattern.compile("\\bnew\\s+(\\w+)\\s*\\(\\s*\\)");
    private static final Pattern ID = Pattern.compile(
            "\\bString\\s+id\\s*\\(\\s*\\)\\s*\\{\\s*return\\s+\"([^\"]+)\"\\s*;\\s*}");
    private static final Pattern NAMED = Pattern.compile("--scenario\\s+([^\\s\"`'\\]]+)");

    /**
     * The ids of the scenarios {@code Scenarios.java} in {@code folder} lists, in its order;
     * a listed class whose id cannot be read is added to {@code failures}.
     */
    static List<String> ids(Path folder, List<String> failures) {
        Path registry = folder.resolve("Scenarios.java");
        if (!Files.exists(registry)) {
            failures.add("no Scenarios.java in " + folder);
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        String code = JavaText.blankCommentsAndLiterals(String.join("\n", Tags.lines(registry)));
        Matcher listed = LISTED.matcher(code);
        while (listed.find()) {
            Path file = folder.resolve(listed.group(1) + ".java");
            if (!Files.exists(file)) {
                failures.add("Scenarios.java lists " + listed.group(1) + ", but there is no " + file.getFileName());
                continue;
            }
            Matcher id = ID.matcher(String.join("\n", Tags.lines(file)));
            if (id.find()) ids.add(id.group(1));
            else failures.add(file.getFileName() + ": id() does not return a string literal");
        }
        return List.copyOf(ids);
    }

    /**
     * Checks {@code pages} against the scenarios in {@code folder}: each {@code --scenario ID}
     * must name one, and each must be named at least once.
     */
    static List<String> check(Path folder, List<Path> pages) {
        List<String> failures = new ArrayList<>();
        List<String> ids = ids(folder, failures);
        Set<String> named = new LinkedHashSet<>();
        for (Path page : pages) {
            List<String> lines = Tags.lines(page);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("//")) continue;
                Matcher m = NAMED.matcher(lines.get(i));
                while (m.find()) {
                    String id = m.group(1);
                    named.add(id);
                    if (!ids.contains(id)) {
                        failures.add(page.getFileName() + ":" + (i + 1) + ": --scenario " + id
                                + " names no scenario of the visualizer (it has " + String.join(", ", ids) + ")");
                    }
                }
            }
        }
        for (String id : ids) {
            if (!named.contains(id)) failures.add("scenario " + id + " is opened by no chapter (no --scenario " + id + ")");
        }
        return failures;
    }
}
