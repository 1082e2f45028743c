package nethttp.sniff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SniffTest {

    /** Bytes written one per char: every char here is below 256. */
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** {description, data, content type}. The expectations are Go 1.19's. */
    private static final String[][] CASES = {
        // Go 1.19's sniffTests
        {"Empty", "", "text/plain; charset=utf-8"},
        {"Binary", "\u0001\u0002\u0003", "application/octet-stream"},
        {"HTML document #1", "<HtMl><bOdY>blah blah blah</body></html>", "text/html; charset=utf-8"},
        {"HTML document #2", "<HTML></HTML>", "text/html; charset=utf-8"},
        {"HTML document #3 (leading whitespace)", "   <!DOCTYPE HTML>...", "text/html; charset=utf-8"},
        {"HTML document #4 (leading CRLF)", "\r\n<html>...", "text/html; charset=utf-8"},
        {"Plain text", "This is not HTML. It has \u00E2\u0098\u0083 though.", "text/plain; charset=utf-8"},
        {"XML", "\n<?xml!", "text/xml; charset=utf-8"},
        {"Windows icon", "\u0000\u0000\u0001\u0000", "image/x-icon"},
        {"Windows cursor", "\u0000\u0000\u0002\u0000", "image/x-icon"},
        {"BMP image", "BM...", "image/bmp"},
        {"GIF 87a", "GIF87a", "image/gif"},
        {"GIF 89a", "GIF89a...", "image/gif"},
        {"WEBP image", "RIFF\u0000\u0000\u0000\u0000WEBPVP", "image/webp"},
        {"PNG image", "\u0089PNG\r\n\u001A\n", "image/png"},
        {"JPEG image", "\u00FF\u00D8\u00FF", "image/jpeg"},
        {"MIDI audio", "MThd\u0000\u0000\u0000\u0006\u0000\u0001", "audio/midi"},
        {"MP3 audio/MPEG audio", "ID3\u0003\u0000\u0000\u0000\u0000\u000F", "audio/mpeg"},
        {"WAV audio #1", "RIFFb\u00B8\u0000\u0000WAVEfmt \u0012\u0000\u0000\u0000\u0006", "audio/wave"},
        {"WAV audio #2", "RIFF,\u0000\u0000\u0000WAVEfmt \u0012\u0000\u0000\u0000\u0006", "audio/wave"},
        {"AIFF audio #1", "FORM\u0000\u0000\u0000\u0000AIFFCOMM\u0000\u0000\u0000\u0012\u0000\u0001\u0000\u0000WU\u0000\u0010@\r\u00F34", "audio/aiff"},
        {"OGG audio", "OggS\u0000\u0002\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000~F\u0000\u0000\u0000\u0000\u0000\u0000\u001F\u00F6\u00B4\u00FC\u0001\u001E\u0001vor", "application/ogg"},
        {"Must not match OGG", "owow\u0000", "application/octet-stream"},
        {"Must not match OGG", "oooS\u0000", "application/octet-stream"},
        {"Must not match OGG", "oggS\u0000", "application/octet-stream"},
        {"MP4 video", "\u0000\u0000\u0000\u0018ftypmp42\u0000\u0000\u0000\u0000mp42isom<\u0006t\u00BFmdat", "video/mp4"},
        {"AVI video #1", "RIFF,O\n\u0000AVI LIST\u00C3\u0080", "video/avi"},
        {"AVI video #2", "RIFF,\n\u0000\u0000AVI LIST\u00C3\u0080", "video/avi"},
        {"TTF sample  I", "\u0000\u0001\u0000\u0000\u0000\u0017\u0001\u0000\u0000\u0004\u0001`O", "font/ttf"},
        {"TTF sample II", "\u0000\u0001\u0000\u0000\u0000\u000E\u0000\u0080\u0000\u0003\u0000`F", "font/ttf"},
        {"OTTO sample  I", "OTTO\u0000\u000E\u0000\u0080\u0000\u0003\u0000`BASE", "font/otf"},
        {"woff sample  I", "wOFF\u0000\u0001\u0000\u0000\u0000\u00000T\u0000\r\u0000\u0000", "font/woff"},
        {"woff2 sample", "wOF2\u0000\u0001\u0000\u0000\u0000", "font/woff2"},
        {"wasm sample", "\u0000asm\u0001\u0000", "application/wasm"},
        {"RAR v1.5-v4.0", "Rar!\u001A\u0007\u0000", "application/x-rar-compressed"},
        {"RAR v5+", "Rar!\u001A\u0007\u0001\u0000", "application/x-rar-compressed"},
        {"Incorrect RAR v1.5-v4.0", "Rar \u001A\u0007\u0000", "application/octet-stream"},
        {"Incorrect RAR v5+", "Rar \u001A\u0007\u0001\u0000", "application/octet-stream"},
        // More edges, expectations from Go 1.19's DetectContentType
        {"<B> tag", "<B>bold", "text/html; charset=utf-8"},
        {"<B not followed by space or >", "<Bx", "text/plain; charset=utf-8"},
        {"<br/>: slash does not end the tag", "<br/>", "text/plain; charset=utf-8"},
        {"<BR then space", "<BR ", "text/html; charset=utf-8"},
        {"<p>", "<p>", "text/html; charset=utf-8"},
        {"all five whitespace bytes before a comment", " \t\u000C\r\n<!-- c -->", "text/html; charset=utf-8"},
        {"comment opener with nothing after it", "<!--", "text/plain; charset=utf-8"},
        {"tag at end of data", "<html", "text/plain; charset=utf-8"},
        {"vertical tab is not whitespace", "\u000B<html>", "application/octet-stream"},
        {"XML", "<?xml", "text/xml; charset=utf-8"},
        {"XML is case-sensitive", "  <?XML ", "text/plain; charset=utf-8"},
        {"PDF", "%PDF-1.4", "application/pdf"},
        {"PDF after whitespace is not PDF", " %PDF-", "text/plain; charset=utf-8"},
        {"PostScript", "%!PS-Adobe-3.0", "application/postscript"},
        {"UTF-16BE BOM", "\u00FE\u00FF\u0000A", "text/plain; charset=utf-16be"},
        {"UTF-16LE BOM", "\u00FF\u00FEA\u0000", "text/plain; charset=utf-16le"},
        {"UTF-8 BOM", "\u00EF\u00BB\u00BFhi", "text/plain; charset=utf-8"},
        {"UTF-8 BOM needs a fourth byte", "\u00EF\u00BB\u00BF", "text/plain; charset=utf-8"},
        {"WebM", "\u001AE\u00DF\u00A3rest", "video/webm"},
        {"gzip", "\u001F\u008B\u0008\u0000", "application/x-gzip"},
        {"zip", "PK\u0003\u0004", "application/zip"},
        {"OpenType", "OTTO", "font/otf"},
        {"font collection", "ttcf", "font/collection"},
        {"Embedded OpenType", "\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000LP", "application/vnd.ms-fontobject"},
        {"EOT letters are case-sensitive", "\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000Lp", "application/octet-stream"},
        {"EOT needs LP at offset 34", "\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000LP", "application/octet-stream"},
        {"MP4 compatible brand", "\u0000\u0000\u0000\u0014ftypisom\u0000\u0000\u0000\u0000mp41", "video/mp4"},
        {"MP4 major brand, box size 16", "\u0000\u0000\u0000\u0010ftypmp4\u0000\u0000\u0000\u0000\u0000", "video/mp4"},
        {"MP4 brand beyond the box", "\u0000\u0000\u0000\u0014ftypisom\u0000\u0000\u0000\u0000mp4", "application/octet-stream"},
        {"MP4 box size not a multiple of four", "\u0000\u0000\u0000\u000Fftypmp42\u0000\u0000\u0000\u0000mp42", "application/octet-stream"},
        {"MP4 brand in the skipped version slot", "\u0000\u0000\u0000\u0010ftypisommp42\u0000\u0000\u0000\u0000", "application/octet-stream"},
        {"escape byte is text", "hello\u001Bworld", "text/plain; charset=utf-8"},
        {"0x1C is binary", "hello\u001Cworld", "application/octet-stream"},
        {"DEL and high bytes are text", "hello\u007Fworld\u00FF", "text/plain; charset=utf-8"},
        {"form feeds only", "\u000C\u000C", "text/plain; charset=utf-8"},
        {"NUL after whitespace", "  \u0000", "application/octet-stream"},
        {"WEBP needs VP", "RIFF\u0000\u0000\u0000\u0000WEBPVQ", "application/octet-stream"},
        {"GIF88a is not GIF", "GIF88a", "text/plain; charset=utf-8"},
        {"PNG signature one byte short", "\u0089PNG\r\n\u001A", "application/octet-stream"},
    };

    @Test
    void detectsWhatGoDetects() {
        List<String> wrong = new ArrayList<>();
        for (String[] c : CASES) {
            String got = Sniff.detectContentType(bytes(c[1]));
            if (!got.equals(c[2])) wrong.add(c[0] + ": got " + got + ", want " + c[2]);
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void looksAtTheFirst512BytesOnly() {
        byte[] text = new byte[600];
        Arrays.fill(text, (byte) 'a');
        text[511] = 0x01;
        assertEquals("application/octet-stream", Sniff.detectContentType(text));
        text[511] = 'a';
        text[512] = 0x01;
        assertEquals("text/plain; charset=utf-8", Sniff.detectContentType(text));
    }

    @Test
    void htmlTagTerminatorMayBeTheLastOfThe512Bytes() {
        byte[] data = new byte[1000];
        Arrays.fill(data, (byte) ' ');
        byte[] tag = bytes("<html>");
        System.arraycopy(tag, 0, data, 512 - tag.length, tag.length);
        assertEquals("text/html; charset=utf-8", Sniff.detectContentType(data));
        // One byte later, the '>' falls outside the window and the tag is not complete.
        byte[] shifted = new byte[1000];
        Arrays.fill(shifted, (byte) ' ');
        System.arraycopy(tag, 0, shifted, 513 - tag.length, tag.length);
        assertEquals("text/plain; charset=utf-8", Sniff.detectContentType(shifted));
    }

    @Test
    void lengthLimitsTheBytesConsidered() {
        byte[] data = bytes("GIF89a\u0001");
        assertEquals("image/gif", Sniff.detectContentType(data, 6));
        assertEquals("text/plain; charset=utf-8", Sniff.detectContentType(data, 5));
        assertEquals("text/plain; charset=utf-8", Sniff.detectContentType(data, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> Sniff.detectContentType(data, 8));
        assertThrows(IndexOutOfBoundsException.class, () -> Sniff.detectContentType(data, -1));
    }

    @Test
    void htmlTagsMatchInAnyCase() {
        for (String tag : List.of("<!DOCTYPE HTML", "<HTML", "<HEAD", "<SCRIPT", "<IFRAME", "<H1", "<DIV", "<FONT",
                "<TABLE", "<A", "<STYLE", "<TITLE", "<B", "<BODY", "<BR", "<P", "<!--")) {
            for (String spelled : List.of(tag, tag.toLowerCase(), mixedCase(tag))) {
                assertEquals("text/html; charset=utf-8", Sniff.detectContentType(bytes(spelled + ">")), spelled);
                assertEquals("text/html; charset=utf-8", Sniff.detectContentType(bytes("\n " + spelled + " x")), spelled);
            }
        }
    }

    private static String mixedCase(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(i % 2 == 0 ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return b.toString();
    }

    /** Whatever the bytes, the answer is one of the table's types: never empty, never null. */
    @Test
    void alwaysAnswersWithAKnownType() {
        List<String> known = new ArrayList<>();
        for (String[] c : CASES) known.add(c[2]);
        known.add("application/vnd.ms-fontobject");
        qt().withExamples(2000)
                .forAll(lists().of(integers().between(0, 255)).ofSizeBetween(0, 40))
                .checkAssert(values -> {
                    byte[] data = new byte[values.size()];
                    for (int i = 0; i < data.length; i++) data[i] = (byte) (int) values.get(i);
                    String type = Sniff.detectContentType(data);
                    assertEquals(true, known.contains(type), type);
                });
    }

    /** Printable ASCII after any whitespace, not starting with '<' or a signature letter, is text. */
    @Test
    void printableAsciiIsText() {
        qt().forAll(lists().of(integers().between(0x20, 0x7E)).ofSizeBetween(1, 600))
                .assuming(values -> "<%BGRIOMwtPF".indexOf(firstNonSpace(values)) < 0)
                // Embedded OpenType fonts are recognised by "LP" at offset 34, whatever precedes it.
                .assuming(values -> values.size() < 36 || values.get(34) != 'L' || values.get(35) != 'P')
                .checkAssert(values -> {
                    byte[] data = new byte[values.size()];
                    for (int i = 0; i < data.length; i++) data[i] = (byte) (int) values.get(i);
                    assertEquals("text/plain; charset=utf-8", Sniff.detectContentType(data));
                });
    }

    private static int firstNonSpace(List<Integer> values) {
        for (int v : values) if (v != ' ') return v;
        return ' ';
    }
}
