package nethttp.book;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Fails the build when the book and the exercises lose track of each other.
 *
 * <p>An exercise is a folder {@code NN-name} of the exercises folder; its {@code README.adoc}
 * holds the instructions and says which chapter it belongs to ({@code Belongs to: Chapter N}).
 * The book shows the instructions on a page of their own, {@code exercises/NN-name.adoc} in the
 * book's folder, which includes that README ({@code include::{exercises-dir}/NN-name/README.adoc[]})
 * and nothing of the hints (the grader reveals those one at a time). Chapters link the page as
 * {@code xref:exercises/NN-name.adoc[...]}.
 *
 * <p>The rules: a link to an exercise page finds the page; an exercise page includes the README of
 * the exercise it is named after, and not its hints; and every exercise is linked from the chapter
 * its README names, so that no exercise can be added without the book pointing to it.
 */
final class ExerciseCheck {
    private ExerciseCheck() {}

    private static final Pattern FOLDER = Pattern.compile("\\d\\d-[\\w-]+");
    private static final Pattern BELONGS = Pattern.compile("^Belongs to: Chapter (\\d+)\\b");
    private static final Pattern CHAPTER_ANCHOR = Pattern.compile("^\\[#ch(\\d+)\\]");
    private static final Pattern INCLUDE = Pattern.compile("^include::([^\\[]+)\\[");
    private static final String EXERCISES_DIR = "{exercises-dir}/";
    /** A link to an exercise page, as a cross-reference or as a plain link to the rendered page. */
    private static final Pattern LINK =
            Pattern.compile("(?:xref|link):((?:\\.\\./)*exercises/[\\w.-]+?)\\.(?:adoc|html)[#\\[]");

    /**
     * Checks the exercise links in {@code pages} (the book's own files, its exercise pages and
     * generated files), every exercise page, and every exercise folder under {@code exercises}.
     * Every complaint is one line; none when all is well.
     */
    static List<String> check(Path book, Path exercises, List<Path> pages) {
        List<String> failures = new ArrayList<>();
        Path pageDir = book.resolve("exercises");
        Map<Path, Set<String>> linkedFrom = new HashMap<>();
        for (Path page : pages) {
            List<String> lines = Tags.lines(page);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("//")) continue;
                Matcher m = LINK.matcher(lines.get(i));
                while (m.find()) {
                    Path target = Tags.baseOf(book, page).resolve(m.group(1) + ".adoc").normalize();
                    if (!target.getParent().equals(pageDir) || !Files.exists(target)) {
                        failures.add(name(book, page) + ":" + (i + 1) + ": link to missing exercise page "
                                + m.group(1));
                        continue;
                    }
                    linkedFrom.computeIfAbsent(page, p -> new HashSet<>()).add(folderOf(target));
                }
            }
        }
        for (Path page : exercisePages(book)) failures.addAll(checkPage(book, exercises, page));

        Map<String, Path> chapters = chaptersByNumber(book);
        for (Path folder : folders(exercises)) {
            String name = folder.getFileName().toString();
            Path readme = folder.resolve("README.adoc");
            if (!Files.exists(readme)) {
                failures.add("exercises/" + name + " has no README.adoc");
                continue;
            }
            String chapter = belongsTo(readme);
            if (chapter == null) {
                failures.add("exercises/" + name + "/README.adoc names no chapter (\"Belongs to: Chapter N\")");
            } else if (!chapters.containsKey(chapter)) {
                failures.add("exercises/" + name + "/README.adoc belongs to chapter " + chapter
                        + ", which the book does not have");
            } else if (!linkedFrom.getOrDefault(chapters.get(chapter), Set.of()).contains(name)) {
                failures.add("exercise " + name + " is not linked from chapter " + chapter + " ("
                        + name(book, chapters.get(chapter)) + "), where its README says it belongs");
            }
        }
        return failures;
    }

    /** The pages that show an exercise: every {@code .adoc} in the book's {@code exercises} folder. */
    static List<Path> exercisePages(Path book) {
        Path dir = book.resolve("exercises");
        if (!Files.isDirectory(dir)) return List.of();
        return Tags.chapters(dir);
    }

    private static List<String> checkPage(Path book, Path exercises, Path page) {
        String folder = folderOf(page);
        Path readme = exercises.resolve(folder).resolve("README.adoc").normalize();
        boolean showsReadme = false;
        List<String> failures = new ArrayList<>();
        List<String> lines = Tags.lines(page);
        for (int i = 0; i < lines.size(); i++) {
            Matcher inc = INCLUDE.matcher(lines.get(i));
            if (!inc.find()) continue;
            String target = inc.group(1);
            if (target.startsWith(EXERCISES_DIR)) {
                Path included = exercises.resolve(target.substring(EXERCISES_DIR.length())).normalize();
                if (included.equals(readme) && Files.exists(readme)) showsReadme = true;
            }
            if (target.equals("hints.adoc") || target.endsWith("/hints.adoc")) {
                failures.add(name(book, page) + ":" + (i + 1)
                        + ": includes the hints, which the grader reveals one at a time");
            }
        }
        if (!showsReadme) {
            failures.add(name(book, page) + " shows no exercise: it does not include exercises/" + folder
                    + "/README.adoc");
        }
        return failures;
    }

    /** The exercise folders, named {@code NN-name}, in order. */
    private static List<Path> folders(Path exercises) {
        try (Stream<Path> s = Files.list(exercises)) {
            return s.filter(Files::isDirectory)
                    .filter(p -> FOLDER.matcher(p.getFileName().toString()).matches())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The chapter number a README names on its {@code Belongs to} line, or null. */
    private static String belongsTo(Path readme) {
        for (String line : Tags.lines(readme)) {
            Matcher m = BELONGS.matcher(line);
            if (m.find()) return stripZeros(m.group(1));
        }
        return null;
    }

    /** Each chapter page by its number, from the {@code [#chN]} anchor that opens it. */
    private static Map<String, Path> chaptersByNumber(Path book) {
        Map<String, Path> out = new HashMap<>();
        for (Path page : Tags.chapters(book)) {
            List<String> lines = Tags.lines(page);
            if (lines.isEmpty()) continue;
            Matcher m = CHAPTER_ANCHOR.matcher(lines.get(0));
            if (m.find()) out.put(stripZeros(m.group(1)), page);
        }
        return out;
    }

    private static String stripZeros(String number) {
        return String.valueOf(Integer.parseInt(number));
    }

    private static String folderOf(Path page) {
        String file = page.getFileName().toString();
        return file.substring(0, file.length() - ".adoc".length());
    }

    private static String name(Path book, Path page) {
        return page.startsWith(book) ? book.relativize(page).toString() : page.getFileName().toString();
    }
}
