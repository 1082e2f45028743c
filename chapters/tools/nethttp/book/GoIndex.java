package nethttp.book;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the book's index from Go to Java: one row for every {@code @Mirrors} annotation in the
 * library, naming the Go file and function, the Java class or member that retells it, and the
 * chapter section that tells it.
 *
 * <p>The section is found from the quotations: if a chapter quotes a tagged region that holds the
 * Java declaration, the row links to the section around that quotation. Otherwise it links to the
 * chapter that tells the class's package, as its {@code package-info.java} says ("chapter N"), or
 * as {@link #CLASS_CHAPTERS} says for classes whose package is told across several chapters.
 *
 * <p>The page has one table per Go file, sorted by Go name.
 *
 * <p>Usage: {@code GoIndex <library sources> <book folder> <output .adoc>}.
 */
public final class GoIndex {
    private GoIndex() {}

    /** The server package spans several chapters; its classes say which one tells them. */
    static final Map<String, Integer> CLASS_CHAPTERS = Map.of(
            "nethttp.server.Server", 3,
            "nethttp.server.AcceptBackoff", 3,
            "nethttp.server.ServerClosedException", 10,
            "nethttp.server.Conn", 4,
            "nethttp.server.ConnReader", 4,
            "nethttp.server.Response", 7,
            "nethttp.server.ChunkWriter", 7,
            "nethttp.server.HttpDate", 7,
            "nethttp.server.ExpectContinueReader", 7);

    /** One annotation: the Go name, the Java name, and where in the source it stands. */
    record Entry(String goFile, String goFunc, String javaName, Path file, int line, String className) {}

    /** Where a chapter tells something: the chapter's file, an anchor in it, and a title. */
    record Place(String chapterFile, String anchor, String title) {}

    private static final Pattern MIRRORS = Pattern.compile(
            "@Mirrors\\(\\s*file\\s*=\\s*\"([^\"]*)\"\\s*,\\s*func\\s*=\\s*\"([^\"]*)\"\\s*\\)");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern TYPE_DECL = Pattern.compile("(?<![.\\w])(class|interface|record|enum)\\s+(\\w+)");
    private static final Pattern MEMBER_BEFORE_PAREN = Pattern.compile("(\\w+)\\s*\\(");
    private static final Pattern FIELD_NAME = Pattern.compile("(\\w+)\\s*(=|;)");
    private static final Pattern CHAPTER_NUMBER = Pattern.compile("(?i)chapter\\s+(\\d+)");
    private static final Pattern CHAPTER_FILE = Pattern.compile("ch(\\d\\d)-.*\\.adoc");
    private static final Pattern HEADING = Pattern.compile("^(=+)\\s+(.*)$");

    public static void main(String[] args) throws IOException {
        Path src = Path.of(args[0]).toAbsolutePath().normalize();
        Path book = Path.of(args[1]).toAbsolutePath().normalize();
        Path out = Path.of(args[2]).toAbsolutePath().normalize();
        List<String> problems = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        for (Path f : Tags.javaFiles(src)) entries.addAll(entries(f, problems));
        if (!problems.isEmpty()) {
            System.err.println("Go index: cannot place some @Mirrors annotations:");
            problems.forEach(p -> System.err.println("  " + p));
            System.exit(1);
        }
        Files.createDirectories(out.getParent());
        Files.writeString(out, render(entries, src, book));
    }

    /** The annotations of one source file, each with the declaration it sits on. */
    static List<Entry> entries(Path file, List<String> problems) {
        String text = String.join("\n", Tags.lines(file));
        String code = JavaText.blankCommentsAndLiterals(text);
        Matcher pkg = PACKAGE.matcher(code);
        String packageName = pkg.find() ? pkg.group(1) : "";
        String[] codeLines = code.split("\n", -1);
        List<List<String>> enclosing = enclosingTypes(codeLines);

        List<Entry> out = new ArrayList<>();
        Matcher m = MIRRORS.matcher(text);
        while (m.find()) {
            if (code.charAt(m.start()) != '@') continue; // inside a comment: an example, not an annotation
            int annotationLine = lineOf(text, m.start());
            int declLine = declarationAfter(codeLines, annotationLine);
            if (declLine < 0) {
                problems.add(file + ":" + annotationLine + ": no declaration after @Mirrors");
                continue;
            }
            String decl = codeLines[declLine - 1];
            List<String> outer = enclosing.get(declLine - 1);
            String className = packageName + "." + String.join(".", outer);
            String javaName;
            Matcher type = TYPE_DECL.matcher(decl);
            if (type.find()) {
                className = outer.isEmpty() ? packageName + "." + type.group(2) : className + "." + type.group(2);
                javaName = className;
            } else {
                Matcher member = MEMBER_BEFORE_PAREN.matcher(decl);
                Matcher field = FIELD_NAME.matcher(decl);
                String name = member.find() ? member.group(1) + "()" : field.find() ? field.group(1) : null;
                if (name == null || outer.isEmpty()) {
                    problems.add(file + ":" + declLine + ": cannot name the declaration after @Mirrors");
                    continue;
                }
                javaName = className + "#" + name;
            }
            out.add(new Entry(m.group(1), m.group(2), javaName, file, declLine, topLevel(packageName, outer, className)));
        }
        return out;
    }

    private static String topLevel(String pkg, List<String> outer, String className) {
        return outer.isEmpty() ? className : pkg + "." + outer.get(0);
    }

    /** The first line after {@code from} that is code and not an annotation: the declaration. */
    private static int declarationAfter(String[] codeLines, int from) {
        for (int i = from; i < codeLines.length; i++) { // line numbers are 1-based: index from is line from+1
            String s = codeLines[i].strip();
            if (s.isEmpty() || s.startsWith("@")) continue;
            return i + 1;
        }
        // the annotation may share its line with the declaration
        return -1;
    }

    /** For each line, the names of the types it lies in, outermost first. */
    private static List<List<String>> enclosingTypes(String[] codeLines) {
        List<List<String>> out = new ArrayList<>();
        Deque<String> names = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        int depth = 0;
        String pendingType = null;
        for (String line : codeLines) {
            List<String> now = new ArrayList<>(names);
            java.util.Collections.reverse(now);
            out.add(now);
            Matcher t = TYPE_DECL.matcher(line);
            if (t.find()) pendingType = t.group(2);
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '{') {
                    depth++;
                    if (pendingType != null) {
                        names.push(pendingType);
                        depths.push(depth);
                        pendingType = null;
                    }
                } else if (c == '}') {
                    if (!depths.isEmpty() && depths.peek() == depth) {
                        names.pop();
                        depths.pop();
                    }
                    depth--;
                }
            }
        }
        return out;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) if (text.charAt(i) == '\n') line++;
        return line;
    }

    /** The index page: a table sorted by Go file and function. */
    static String render(List<Entry> entries, Path src, Path book) {
        Map<String, Place> quotedAt = new HashMap<>();
        List<Tags.Problem> ignored = new ArrayList<>();
        Map<Path, List<Tags.Region>> regions = new HashMap<>();
        Map<Integer, Place> chapterTops = new HashMap<>();
        List<Path> chapters = Tags.chapters(book);
        for (Path chapter : chapters) {
            Matcher cf = CHAPTER_FILE.matcher(chapter.getFileName().toString());
            if (cf.matches()) chapterTops.put(Integer.parseInt(cf.group(1)), top(chapter));
        }
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(Entry::goFile).thenComparing(Entry::goFunc).thenComparing(Entry::javaName));

        StringBuilder sb = new StringBuilder();
        String goFile = null;
        for (Entry e : sorted) {
            if (!e.goFile().equals(goFile)) {
                if (goFile != null) sb.append("|===\n\n");
                goFile = e.goFile();
                sb.append("[discrete]\n=== `").append(goFile).append("`\n\n");
                sb.append("[cols=\"3,4,4\",options=\"header\"]\n|===\n| Go name | Java (in `nethttp`) | Told in\n\n");
            }
            Place p = quotedPlace(e, src, chapters, regions, ignored);
            if (p == null) {
                Integer n = CLASS_CHAPTERS.get(e.className());
                if (n == null) n = packageChapter(e.file());
                if (n != null) p = chapterTops.get(n);
            }
            sb.append("| `").append(e.goFunc()).append("` | `")
                    .append(e.javaName().replaceFirst("^nethttp\\.", "")).append("` | ")
                    .append(p == null ? "not told yet" : "xref:" + p.chapterFile() + "#" + p.anchor() + "[" + p.title() + "]")
                    .append('\n');
        }
        if (goFile != null) sb.append("|===\n");
        return sb.toString();
    }

    /** The section of the first chapter that quotes a region holding the entry's declaration. */
    private static Place quotedPlace(Entry e, Path src, List<Path> chapters, Map<Path, List<Tags.Region>> regions,
                                     List<Tags.Problem> ignored) {
        List<Tags.Region> inFile = regions.computeIfAbsent(e.file(), f -> Tags.regions(f, ignored));
        for (Path chapter : chapters) {
            if (!CHAPTER_FILE.matcher(chapter.getFileName().toString()).matches()) continue;
            for (Tags.Quote q : Tags.quotes(chapter, src)) {
                if (!q.file().equals(e.file().toAbsolutePath().normalize())) continue;
                for (Tags.Region r : inFile) {
                    if (r.name().equals(q.tag()) && r.contains(e.line())) {
                        return new Place(chapter.getFileName().toString(), q.sectionAnchor(), titleOf(chapter, q.sectionAnchor()));
                    }
                }
            }
        }
        return null;
    }

    /** The chapter's own anchor and title: the first anchor and the document title. */
    private static Place top(Path chapter) {
        String anchor = null;
        for (String line : Tags.lines(chapter)) {
            if (anchor == null && line.startsWith("[#")) anchor = line.substring(2, line.indexOf(']'));
            Matcher h = HEADING.matcher(line);
            if (h.matches() && h.group(1).length() == 1) {
                return new Place(chapter.getFileName().toString(), anchor, h.group(2));
            }
        }
        throw new IllegalStateException(chapter + " has no title");
    }

    /** The heading that follows {@code anchor} in the chapter. */
    private static String titleOf(Path chapter, String anchor) {
        boolean seen = false;
        for (String line : Tags.lines(chapter)) {
            if (line.equals("[#" + anchor + "]") || line.equals("[[" + anchor + "]]")) seen = true;
            Matcher h = HEADING.matcher(line);
            if (seen && h.matches()) {
                String chapterTitle = top(chapter).title();
                return h.group(1).length() == 1 ? chapterTitle : chapterTitle.replaceFirst(":.*", "") + ": " + h.group(2);
            }
        }
        throw new IllegalStateException(chapter + ": anchor " + anchor + " is not followed by a heading");
    }

    /** The chapter number a package's {@code package-info.java} names, if any. */
    private static Integer packageChapter(Path javaFile) {
        Path info = javaFile.resolveSibling("package-info.java");
        if (!Files.exists(info)) return null;
        Matcher m = CHAPTER_NUMBER.matcher(String.join("\n", Tags.lines(info)));
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }
}
