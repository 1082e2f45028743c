package nethttp.differential;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the corpus files ({@code *.cases} under {@code differential/} on the test class path).
 * The format is described in that folder's {@code README.md}; in short:
 *
 * <pre>
 * === case-name
 * # One line saying what the case probes.
 * &#64;responses 2          (optional directives, before the request)
 * GET / HTTP/1.1\r\n
 * Host: example.com\r\n
 * \r\n
 * </pre>
 *
 * <p>The request is the concatenation of the lines after the directives with the file's own
 * line breaks dropped, so every byte on the wire is written explicitly: {@code \r}, {@code \n},
 * {@code \t}, {@code \\}, {@code \xHH} for any byte, and {@code \repeat{N}{text}} for {@code
 * text} (itself with escapes, without a literal brace) repeated N times. Other characters stand
 * for their UTF-8 bytes.
 */
public final class CorpusReader {
    private CorpusReader() {}

    /** Every case of every corpus file, files in name order, cases in file order. */
    public static List<CorpusCase> loadAll() throws IOException {
        URL url = CorpusReader.class.getClassLoader().getResource("differential");
        if (url == null) throw new IOException("no differential/ folder on the test class path");
        Path dir;
        try {
            dir = Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".cases")).sorted().toList();
        }
        List<CorpusCase> all = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Path f : files) {
            String prefix = f.getFileName().toString().replaceFirst("\\.cases$", "");
            for (CorpusCase c : parse(prefix, Files.readString(f, StandardCharsets.UTF_8))) {
                if (!names.add(c.name())) throw new IOException("duplicate case name " + c.name());
                all.add(c);
            }
        }
        return all;
    }

    /** Parses the text of one corpus file; {@code prefix} names the file in case names. */
    public static List<CorpusCase> parse(String prefix, String text) throws IOException {
        List<CorpusCase> cases = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int i = 0;
        while (i < lines.length && !lines[i].startsWith("=== ")) i++; // a preamble of comments
        while (i < lines.length) {
            String name = prefix + "/" + lines[i].substring(4).strip();
            i++;
            if (i >= lines.length || !lines[i].startsWith("# ")) {
                throw new IOException(name + ": the line after === must be a '# description'");
            }
            String description = lines[i].substring(2).strip();
            i++;
            int responses = 1;
            Set<Integer> head = new HashSet<>();
            boolean shutdown = false;
            boolean timeouts = false;
            boolean awaitClose = false;
            for (; i < lines.length && lines[i].startsWith("@"); i++) {
                String[] d = lines[i].strip().split("\\s+");
                switch (d[0]) {
                    case "@responses" -> responses = Integer.parseInt(d[1]);
                    case "@head" -> {
                        for (String n : d[1].split(",")) head.add(Integer.parseInt(n));
                    }
                    case "@shutdown" -> shutdown = true;
                    case "@timeouts" -> timeouts = true;
                    case "@await-close" -> awaitClose = true;
                    default -> throw new IOException(name + ": unknown directive " + d[0]);
                }
            }
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            for (; i < lines.length && !lines[i].startsWith("=== "); i++) {
                String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
                unescape(name, line, request);
            }
            if (request.size() == 0) throw new IOException(name + ": empty request");
            // The method of the first request decides whether its answer has a body.
            if (startsWith(request.toByteArray(), "HEAD ")) head.add(1);
            if (awaitClose && shutdown) throw new IOException(name + ": @await-close and @shutdown exclude each other");
            if (awaitClose && !timeouts) throw new IOException(name + ": @await-close needs @timeouts, or nothing closes");
            cases.add(new CorpusCase(name, description, request.toByteArray(), responses, Set.copyOf(head), shutdown,
                    timeouts, awaitClose));
        }
        return cases;
    }

    private static boolean startsWith(byte[] b, String prefix) {
        if (b.length < prefix.length()) return false;
        for (int i = 0; i < prefix.length(); i++) if (b[i] != prefix.charAt(i)) return false;
        return true;
    }

    /** Appends the bytes that one line of the file stands for. */
    static void unescape(String name, String s, ByteArrayOutputStream out) throws IOException {
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '\\') {
                int cp = s.codePointAt(i);
                out.write(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp);
                continue;
            }
            if (i + 1 >= s.length()) throw new IOException(name + ": a lone backslash ends a line");
            if (s.startsWith("\\repeat{", i)) {
                i = repeat(name, s, i, out);
                continue;
            }
            char e = s.charAt(i + 1);
            switch (e) {
                case 'r' -> { out.write('\r'); i += 2; }
                case 'n' -> { out.write('\n'); i += 2; }
                case 't' -> { out.write('\t'); i += 2; }
                case '\\' -> { out.write('\\'); i += 2; }
                case 'x' -> {
                    if (i + 4 > s.length()) throw new IOException(name + ": \\x needs two hex digits");
                    out.write(Integer.parseInt(s.substring(i + 2, i + 4), 16));
                    i += 4;
                }
                default -> throw new IOException(name + ": unknown escape \\" + e);
            }
        }
    }

    /** Expands {@code \repeat{N}{text}} starting at {@code i}; returns the index after it. */
    private static int repeat(String name, String s, int i, ByteArrayOutputStream out) throws IOException {
        int countEnd = s.indexOf("}{", i);
        int textEnd = countEnd < 0 ? -1 : s.indexOf('}', countEnd + 2);
        if (textEnd < 0) throw new IOException(name + ": malformed \\repeat{N}{text}");
        int count = Integer.parseInt(s.substring(i + "\\repeat{".length(), countEnd));
        ByteArrayOutputStream unit = new ByteArrayOutputStream();
        unescape(name, s.substring(countEnd + 2, textEnd), unit);
        for (int k = 0; k < count; k++) unit.writeTo(out);
        return textEnd + 1;
    }
}
