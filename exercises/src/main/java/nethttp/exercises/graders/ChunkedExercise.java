package nethttp.exercises.graders;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import nethttp.exercises.Exercise;
import nethttp.exercises.Property;
import nethttp.exercises.Show;
import nethttp.textproto.BufioReader;
import nethttp.transfer.ChunkedReader;
import nethttp.transfer.ChunkedWriter;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Exercise 05: the chunked transfer coding, checked against {@link ChunkedWriter} and
 * {@link ChunkedReader}, and by the round trip of the student's own two halves.
 */
public final class ChunkedExercise extends Exercise<ChunkedExercise.Subject> {

    /** What the student writes: {@code exercises.Chunked}. */
    public interface Subject {
        String encode(List<String> writes);

        String decode(String wire) throws IOException;
    }

    @Override
    public String id() {
        return "05-chunked";
    }

    @Override
    public String title() {
        return "Chunked decoding and encoding";
    }

    @Override
    public String chapter() {
        return "6 transfer encodings & smuggling defences";
    }

    @Override
    public String studentFile() {
        return "Chunked.java";
    }

    @Override
    public Subject reference() {
        return new Subject() {
            @Override
            public String encode(List<String> writes) {
                return libraryEncode(writes);
            }

            @Override
            public String decode(String wire) throws IOException {
                return libraryDecode(wire);
            }
        };
    }

    @Override
    public Subject student() {
        return new Subject() {
            @Override
            public String encode(List<String> writes) {
                return exercises.Chunked.encode(writes);
            }

            @Override
            public String decode(String wire) throws IOException {
                return exercises.Chunked.decode(wire);
            }
        };
    }

    static String libraryEncode(List<String> writes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ChunkedWriter w = new ChunkedWriter(out)) {
            for (String s : writes) w.write(s.getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new AssertionError("writing to memory cannot fail", e);
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    static String libraryDecode(String wire) throws IOException {
        BufioReader in = new BufioReader(new ByteArrayInputStream(wire.getBytes(StandardCharsets.ISO_8859_1)));
        return new String(new ChunkedReader(in).readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    /** Chunk data, simplest first; the longer ones have sizes whose hex and decimal differ. */
    private static final List<String> DATA = List.of(
            "a", "hello", "0123456789", "0123456789abcdef", "\r\n", "0\r\n\r\n", "x;y", "abcdefghijklmnopqrstuvwxyz", "");

    /** How a chunk's size line is written; all are well-formed. */
    private enum SizeStyle {
        PLAIN, UPPER_HEX, LEADING_ZERO, EXTENSION, TRAILING_BLANKS, BARE_LF, SIXTEEN_DIGITS, CR_CR_LF,
        EXTENSION_THEN_BLANKS;

        String line(int size) {
            String hex = Integer.toHexString(size);
            return switch (this) {
                case PLAIN -> hex + "\r\n";
                case UPPER_HEX -> hex.toUpperCase(Locale.ROOT) + "\r\n";
                case LEADING_ZERO -> "0" + hex + "\r\n";
                case EXTENSION -> hex + ";name=value\r\n";
                case TRAILING_BLANKS -> hex + " \t\r\n";
                case BARE_LF -> hex + "\n";
                case SIXTEEN_DIGITS -> String.format("%016x", size) + "\r\n";
                case CR_CR_LF -> hex + "\r\r\n";
                case EXTENSION_THEN_BLANKS -> hex + "; a=\"b c\"\t \r\n";
            };
        }
    }

    /** A way to damage one chunk of an encoding; NONE leaves it well-formed. */
    private enum Damage {
        NONE, SIZE_TOO_BIG, SIZE_TOO_SMALL, NO_CRLF_AFTER_DATA, LF_ONLY_AFTER_DATA, NOT_HEX, HEX_PREFIX, PLUS_SIGN,
        CUT_SHORT, SEVENTEEN_DIGITS, LEADING_BLANK, BLANK_BEFORE_SEMICOLON, VTAB_AFTER, FORMFEED_BEFORE, NUL_AFTER,
        LINE_TOO_LONG, EMPTY_SIZE_LINE
    }

    private record Chunk(String data, SizeStyle style) {}

    private static Gen<Chunk> chunks() {
        return Generate.pick(DATA.subList(0, DATA.size() - 1)).zip(Generate.enumValues(SizeStyle.class), Chunk::new);
    }

    private static String encodeChunk(Chunk c, Damage d) {
        int size = c.data().length();
        String sizeLine = switch (d) {
            case SIZE_TOO_BIG -> c.style().line(size + 1);
            case SIZE_TOO_SMALL -> c.style().line(size - 1);
            case NOT_HEX -> "g" + c.style().line(size);
            case HEX_PREFIX -> "0x" + c.style().line(size);
            case PLUS_SIGN -> "+" + c.style().line(size);
            case SEVENTEEN_DIGITS -> "1" + String.format("%016x", size) + "\r\n";
            case LEADING_BLANK -> " " + c.style().line(size);
            case BLANK_BEFORE_SEMICOLON -> Integer.toHexString(size) + " ;name=value\r\n";
            case VTAB_AFTER -> Integer.toHexString(size) + "\u000b\r\n";
            case FORMFEED_BEFORE -> "\f" + c.style().line(size);
            case NUL_AFTER -> Integer.toHexString(size) + "\u0000\r\n";
            case LINE_TOO_LONG -> Integer.toHexString(size) + " ".repeat(MAX_LINE) + "\r\n";
            case EMPTY_SIZE_LINE -> "\r\n";
            default -> c.style().line(size);
        };
        String end = switch (d) {
            case NO_CRLF_AFTER_DATA -> "!!";
            case LF_ONLY_AFTER_DATA -> "\n";
            default -> "\r\n";
        };
        return sizeLine + c.data() + end;
    }

    private static Gen<String> bodies(boolean damaged) {
        Gen<Damage> damage = damaged ? Generate.enumValues(Damage.class) : Generate.constant(Damage.NONE);
        Gen<List<Chunk>> list = lists().of(chunks()).ofSizeBetween(0, 4);
        return list.zip(damage, integers().between(0, 3), (cs, d, at) -> {
            StringBuilder wire = new StringBuilder();
            for (int i = 0; i < cs.size(); i++) wire.append(encodeChunk(cs.get(i), i == at % cs.size() ? d : Damage.NONE));
            if (cs.isEmpty() && d != Damage.NONE && d != Damage.CUT_SHORT) wire.append("g\r\n");
            String whole = wire + "0\r\n\r\n";
            return d == Damage.CUT_SHORT ? whole.substring(0, Math.max(0, wire.length() - 2)) : whole;
        });
    }

    /** The longest size line the library reads, line ending included. */
    static final int MAX_LINE = 4095;

    /**
     * Bodies for every rule of the size line, each on its own: which line endings end it, which
     * blanks may follow the size (and that none may come before it or before the ';'), how many
     * digits may be there (16, leading zeros included), how long the line may be (4 KiB with its
     * line ending), that an empty size line ends the body, and the CRLF after the data.
     */
    static List<String> edgeBodies() {
        String hello = "hello\r\n0\r\n\r\n";
        List<String> edges = new java.util.ArrayList<>(List.of(
                "0\r\n\r\n", "5\r\n" + hello, "5\n" + hello, "5\r\nhello\r\n0\n", "5\r\r\n" + hello,
                "5 \t \r\n" + hello, "5;a=b\r\n" + hello, "5;\r\n" + hello, "5; a=b \t\r\n" + hello,
                "A\r\n0123456789\r\n0\r\n", "a\r\n0123456789\r\n0\r\n", "0005\r\n" + hello,
                "\r\n", "\n", ";a=b\r\n", " \r\n", "5\r\nhello\r\n\r\n", "5\r\nhello\r\n;x\r\n",
                "0000000000000005\r\n" + hello, "00000000000000005\r\n" + hello, "10000000000000005\r\n" + hello,
                "ffffffffffffffff\r\n" + hello, "FFFFFFFFFFFFFFFFF\r\n" + hello, "7fffffffffffffff\r\n" + hello,
                "80000000\r\n" + hello, "100000000\r\n" + hello,
                " 5\r\n" + hello, "\t5\r\n" + hello, "5 ;a=b\r\n" + hello, "5\t;a=b\r\n" + hello,
                "5\u000b\r\n" + hello, "\u000b5\r\n" + hello, "5\f\r\n" + hello, "\f5\r\n" + hello,
                "5\u0000\r\n" + hello, "\u00005\r\n" + hello, "5\r \n" + hello, "5 \r\n" + hello,
                "+5\r\n" + hello, "-0\r\n\r\n", "-5\r\n" + hello, "0x5\r\n" + hello, "5h\r\n" + hello,
                "g\r\n", "5\r\nhello\n0\r\n", "5\r\nhello!!0\r\n", "5\r\nhello\r0\r\n", "5\r\nhello",
                "5\r\nhello\r", "5\r\nhel", "5\r\n", "5", "", "6\r\n" + hello, "4\r\n" + hello));
        for (int length : new int[] {MAX_LINE, MAX_LINE + 1}) {
            edges.add("5" + " ".repeat(length - 3) + "\r\n" + hello);
            edges.add("5;" + "x".repeat(length - 4) + "\r\n" + hello);
            edges.add("5" + " ".repeat(length - 2) + "\n" + hello);
        }
        return edges;
    }

    private static Gen<List<String>> writes() {
        return lists().of(Generate.pick(DATA)).ofSizeBetween(0, 4);
    }

    private static String asBody(String wire) {
        return "chunked body " + abbreviated(wire);
    }

    /** The wire quoted, a long run of one byte (the 4 KiB size line) written as a count. */
    static String abbreviated(String wire) {
        int bestAt = 0, bestLength = 0;
        for (int i = 0, j; i < wire.length(); i = j) {
            for (j = i + 1; j < wire.length() && wire.charAt(j) == wire.charAt(i); j++) {}
            if (j - i > bestLength) {
                bestAt = i;
                bestLength = j - i;
            }
        }
        if (bestLength < 32) return Show.q(wire);
        return Show.q(wire.substring(0, bestAt)) + " + " + bestLength + " times " + Show.q(wire.substring(bestAt, bestAt + 1))
                + " + " + Show.q(wire.substring(bestAt + bestLength));
    }

    private static String asWrites(List<String> writes) {
        return "writes " + Show.q(writes);
    }

    /** What a decoder made of a body: its data, or that it refused it. */
    private static String decoded(Subject s, String wire) throws Exception {
        try {
            return "data " + Show.q(s.decode(wire));
        } catch (IOException e) {
            return "rejected (" + e.getClass().getSimpleName() + ")";
        }
    }

    private static String sameDecoding(Subject s, String wire) throws Exception {
        String expected = decoded(REFERENCE, wire);
        String got = decoded(s, wire);
        boolean agree = expected.startsWith("rejected") ? got.startsWith("rejected") : expected.equals(got);
        return agree ? null : "expected " + expected + ", got " + got;
    }

    private static final Subject REFERENCE = new ChunkedExercise().reference();

    private static boolean libraryAccepts(String wire) {
        try {
            libraryDecode(wire);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public List<Property<Subject>> properties() {
        return List.of(
                Property.forAll("encodes as the library does",
                        "for every list of writes w: encode(w) equals what ChunkedWriter writes for w, then close",
                        writes(), ChunkedExercise::asWrites,
                        (s, w) -> Show.expect(libraryEncode(w), s.encode(List.copyOf(w)))),
                Property.forAll("decodes what it encodes",
                        "for every list of writes w: decode(encode(w)) equals the writes joined",
                        writes(), ChunkedExercise::asWrites,
                        (s, w) -> Show.expect(String.join("", w), s.decode(s.encode(List.copyOf(w))))),
                Property.forAll("decodes well-formed bodies as the library does",
                        "for every well-formed body b (any hex case, up to 16 digits with leading zeros, "
                                + "extensions, trailing blanks, a bare LF, an empty size line): "
                                + "decode(b) equals what ChunkedReader reads",
                        edgeBodies().stream().filter(ChunkedExercise::libraryAccepts).toList(), bodies(false),
                        ChunkedExercise::asBody, ChunkedExercise::sameDecoding),
                Property.forAll("rejects what the library rejects",
                        "for every body b, damaged or not: decode(b) fails with an IOException exactly when "
                                + "ChunkedReader does, and otherwise gives the same data",
                        edgeBodies(), bodies(true), ChunkedExercise::asBody, ChunkedExercise::sameDecoding));
    }
}
