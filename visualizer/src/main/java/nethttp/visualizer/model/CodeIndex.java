package nethttp.visualizer.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The library's sources and the book's chapters, packaged with the app (under {@code /sources}
 * and {@code /book} on its class path), so the code panel works without a checkout: finds the
 * method a {@link CodeLinks.Ref} names and the section of its chapter that quotes it.
 */
public final class CodeIndex {
    private static final Map<String, String> TEXTS = new ConcurrentHashMap<>();

    private CodeIndex() {}

    /**
     * A method's source and where the book tells it.
     *
     * @param code       the method, from its {@code @Mirrors} line to its closing brace
     * @param firstLine  the line number of {@code code}'s first line in its file, from 1
     * @param javaName   {@code Conn.serve}
     * @param section    the title of the section of the chapter that includes it, empty if none does
     */
    public record Method(
            CodeLinks.Ref ref, String code, int firstLine, String javaName, String section, String sectionId) {
        /** {@code Chapter 4, "…", section "The loop"}. */
        public String cite() {
            return ref.chapter().cite() + (section.isEmpty() ? "" : ", section \"" + section + "\"");
        }

        /** The anchor Asciidoctor gives the section's heading, for a link into the chapter's page. */
        public String anchor() {
            if (section.isEmpty()) return "";
            if (!sectionId.isEmpty()) return sectionId;
            return "_" + section.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        }
    }

    /** The text of a packaged resource, or null when the app was packaged without it. */
    static String resource(String path) {
        return TEXTS.computeIfAbsent(path, p -> {
            try (InputStream in = CodeIndex.class.getResourceAsStream(p)) {
                return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }

    /** The method {@code ref} names, or null when the packaged sources lack it. */
    public static Method find(CodeLinks.Ref ref) {
        String text = resource("/sources/" + ref.file());
        if (text.isEmpty()) return null;
        List<String> lines = text.lines().toList();
        String mark = "func = \"" + ref.goFunc() + "\"";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (!line.startsWith("@Mirrors") || !line.contains(mark)) continue;
            int end = closingLine(lines, i);
            if (end < 0) continue;
            String code = String.join("\n", lines.subList(i, end + 1)).stripIndent();
            String javaName = javaName(ref.file(), lines, i);
            if (javaName == null) continue; // a type or a field, not a method
            String[] section = section(ref, tagAround(lines, i));
            return new Method(ref, code, i + 1, javaName, section[0], section[1]);
        }
        return null;
    }

    /** The line with the brace that closes the declaration following line {@code from}, -1 if none. */
    private static int closingLine(List<String> lines, int from) {
        int depth = 0;
        boolean opened = false;
        for (int i = from; i < lines.size(); i++) {
            String l = lines.get(i);
            boolean inString = false;
            for (int k = 0; k < l.length(); k++) {
                char ch = l.charAt(k);
                if (ch == '"' && (k == 0 || l.charAt(k - 1) != '\\')) inString = !inString;
                if (inString) continue;
                if (ch == '/' && k + 1 < l.length() && l.charAt(k + 1) == '/') break;
                if (ch == '\'' && k + 2 < l.length() && l.charAt(k + 2) == '\'') {
                    k += 2; // a char literal such as '{'
                    continue;
                }
                if (ch == '{') {
                    depth++;
                    opened = true;
                } else if (ch == '}') {
                    depth--;
                    if (opened && depth == 0) return i;
                }
                if (ch == ';' && !opened && depth == 0) return -1; // an abstract method or a field
            }
        }
        return -1;
    }

    /** {@code Conn.serve}: the class and the method declared after the annotation at {@code at}. */
    private static String javaName(String file, List<String> lines, int at) {
        String type = file.substring(file.lastIndexOf('/') + 1, file.length() - ".java".length());
        for (int i = at + 1; i < Math.min(lines.size(), at + 6); i++) {
            String l = lines.get(i).trim();
            if (l.startsWith("@")) continue;
            var m = java.util.regex.Pattern.compile("(\\w+)\\s*\\(").matcher(l);
            if (l.contains(" class ") || l.contains(" record ") || l.contains(" interface ") || l.contains(" enum ")) return null;
            return m.find() ? type + "." + m.group(1) : null;
        }
        return null;
    }

    /** The name of the innermost {@code tag::} region that holds line {@code at}, empty if none. */
    private static String tagAround(List<String> lines, int at) {
        for (int i = at; i >= 0; i--) {
            String l = lines.get(i).trim();
            int t = l.indexOf("tag::");
            if (l.startsWith("//") && t >= 0 && l.endsWith("[]")) {
                String name = l.substring(t + 5, l.length() - 2);
                for (int j = at; j < lines.size(); j++) {
                    if (lines.get(j).contains("end::" + name + "[]")) return name;
                }
            }
        }
        return "";
    }

    /**
     * The title and the id ({@code [#id]} above the heading, empty if it has none) of the section
     * of {@code ref}'s chapter that includes tag {@code tag} of its file; two empty strings if none.
     */
    private static String[] section(CodeLinks.Ref ref, String tag) {
        String[] none = {"", ""};
        if (tag.isEmpty()) return none;
        String chapter = resource("/book/" + ref.chapter().page() + ".adoc");
        String heading = "";
        String id = "";
        String pendingId = "";
        String file = ref.file();
        for (String l : chapter.lines().toList()) {
            if (l.startsWith("[#") && l.endsWith("]")) {
                pendingId = l.substring(2, l.length() - 1);
                continue;
            }
            if (l.startsWith("== ") || l.startsWith("=== ")) {
                heading = l.substring(l.indexOf(' ') + 1).trim();
                id = pendingId;
            }
            if (!l.isBlank()) pendingId = "";
            if (l.startsWith("include::") && l.contains(file + "[") && includedTags(l).contains(tag)) {
                return new String[] {heading, id};
            }
        }
        return none;
    }

    /** The tags an include line names with {@code tag=} or {@code tags=}, whatever else it sets. */
    private static java.util.List<String> includedTags(String include) {
        String attrs = include.substring(include.indexOf('[') + 1, include.lastIndexOf(']'));
        java.util.List<String> tags = new java.util.ArrayList<>();
        for (String a : attrs.split(",")) {
            a = a.trim();
            if (a.startsWith("tag=")) tags.add(a.substring(4));
            if (a.startsWith("tags=")) tags.addAll(java.util.Arrays.asList(a.substring(5).split(";")));
        }
        return tags;
    }
}
