package nethttp.sniff;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import nethttp.annotations.Mirrors;

/**
 * Guesses the media type of a response body from its first bytes, following the WHATWG MIME
 * Sniffing standard as Go 1.19 implements it.
 *
 * <p>The server uses this when a handler writes a body without having set
 * {@code Content-Type}. The signatures are tried in a fixed order and the first that matches
 * wins: HTML tags, XML, PDF and PostScript, the byte-order marks of Unicode text, images, audio
 * and video, fonts, archives, WebAssembly, and finally plain text. A body that is none of these
 * is {@code application/octet-stream}.
 */
@Mirrors(file = "net/http/sniff.go", func = "DetectContentType")
public final class Sniff {
    private Sniff() {}

    /** How many leading bytes the decision may look at. */
    @Mirrors(file = "net/http/sniff.go", func = "sniffLen")
    public static final int SNIFF_LEN = 512;

    /** The type given when no signature matches. */
    public static final String OCTET_STREAM = "application/octet-stream";

    private static final byte[] ANY4 = {0, 0, 0, 0};

    /** The table, in the order of the standard's section 6. The text test must stay last. */
    @Mirrors(file = "net/http/sniff.go", func = "sniffSignatures")
    private static final List<Signature> SIGNATURES = List.of(
            html("<!DOCTYPE HTML"),
            html("<HTML"),
            html("<HEAD"),
            html("<SCRIPT"),
            html("<IFRAME"),
            html("<H1"),
            html("<DIV"),
            html("<FONT"),
            html("<TABLE"),
            html("<A"),
            html("<STYLE"),
            html("<TITLE"),
            html("<B"),
            html("<BODY"),
            html("<BR"),
            html("<P"),
            html("<!--"),
            new MaskedSignature(ones(5), bytes("<?xml"), true, "text/xml; charset=utf-8"),
            exact("%PDF-", "application/pdf"),
            exact("%!PS-Adobe-", "application/postscript"),

            // Byte-order marks; the bytes after the mark are free.
            masked("\u00FF\u00FF\u0000\u0000", "\u00FE\u00FF\u0000\u0000", "text/plain; charset=utf-16be"),
            masked("\u00FF\u00FF\u0000\u0000", "\u00FF\u00FE\u0000\u0000", "text/plain; charset=utf-16le"),
            masked("\u00FF\u00FF\u00FF\u0000", "\u00EF\u00BB\u00BF\u0000", "text/plain; charset=utf-8"),

            // Images.
            exact("\u0000\u0000\u0001\u0000", "image/x-icon"),
            exact("\u0000\u0000\u0002\u0000", "image/x-icon"),
            exact("BM", "image/bmp"),
            exact("GIF87a", "image/gif"),
            exact("GIF89a", "image/gif"),
            riff("WEBPVP", "image/webp"),
            exact("\u0089PNG\r\n\u001A\n", "image/png"),
            exact("\u00FF\u00D8\u00FF", "image/jpeg"),

            // Audio and video, in the order the standard prescribes.
            new MaskedSignature(concat(ones(4), ANY4, ones(4)), bytes("FORM\u0000\u0000\u0000\u0000AIFF"), false,
                    "audio/aiff"),
            new MaskedSignature(ones(3), bytes("ID3"), false, "audio/mpeg"),
            new MaskedSignature(ones(5), bytes("OggS\u0000"), false, "application/ogg"),
            new MaskedSignature(ones(8), bytes("MThd\u0000\u0000\u0000\u0006"), false, "audio/midi"),
            riff("AVI ", "video/avi"),
            riff("WAVE", "audio/wave"),
            new Mp4Signature(),
            exact("\u001A\u0045\u00DF\u00A3", "video/webm"),

            // Fonts. An Embedded OpenType file has "LP" at offset 34; the bytes before are free.
            new MaskedSignature(concat(new byte[34], ones(2)), concat(new byte[34], bytes("LP")), false,
                    "application/vnd.ms-fontobject"),
            exact("\u0000\u0001\u0000\u0000", "font/ttf"),
            exact("OTTO", "font/otf"),
            exact("ttcf", "font/collection"),
            exact("wOFF", "font/woff"),
            exact("wOF2", "font/woff2"),

            // Archives. RAR follows RAR Labs' own description of its signatures.
            exact("\u001F\u008B\u0008", "application/x-gzip"),
            exact("PK\u0003\u0004", "application/zip"),
            exact("Rar!\u001A\u0007\u0000", "application/x-rar-compressed"),
            exact("Rar!\u001A\u0007\u0001\u0000", "application/x-rar-compressed"),

            exact("\u0000asm", "application/wasm"),

            new TextSignature());

    /**
     * Returns the media type of a body that starts with {@code data}; never null, never empty.
     * Only the first {@link #SNIFF_LEN} bytes are looked at. An empty body counts as text:
     * {@code "text/plain; charset=utf-8"}.
     */
    @Mirrors(file = "net/http/sniff.go", func = "DetectContentType")
    public static String detectContentType(byte[] data) {
        return detectContentType(data, data.length);
    }

    /**
     * Returns the media type of a body that starts with the first {@code length} bytes of
     * {@code data}; see {@link #detectContentType(byte[])}.
     *
     * @throws IndexOutOfBoundsException if {@code length} is negative or beyond {@code data}
     */
    @Mirrors(file = "net/http/sniff.go", func = "DetectContentType")
    public static String detectContentType(byte[] data, int length) {
        if (length < 0 || length > data.length) {
            throw new IndexOutOfBoundsException("length " + length + " of " + data.length + " bytes");
        }
        byte[] head = Arrays.copyOf(data, Math.min(length, SNIFF_LEN));
        int firstNonWS = 0;
        while (firstNonWS < head.length && isWhitespace(head[firstNonWS])) firstNonWS++;
        for (Signature signature : SIGNATURES) {
            String contentType = signature.match(head, firstNonWS);
            if (!contentType.isEmpty()) return contentType;
        }
        return OCTET_STREAM;
    }

    /** The standard's whitespace bytes: tab, line feed, form feed, carriage return, space. */
    @Mirrors(file = "net/http/sniff.go", func = "isWS")
    static boolean isWhitespace(byte b) {
        return b == '\t' || b == '\n' || b == '\f' || b == '\r' || b == ' ';
    }

    /** The bytes that may end an HTML tag name in a signature: space and {@code >}. */
    @Mirrors(file = "net/http/sniff.go", func = "isTT")
    static boolean isTagTerminating(byte b) {
        return b == ' ' || b == '>';
    }

    // ---- building the table ----

    private static Signature html(String tag) {
        return new HtmlSignature(bytes(tag));
    }

    private static Signature exact(String prefix, String contentType) {
        return new ExactSignature(bytes(prefix), contentType);
    }

    private static Signature masked(String mask, String pattern, String contentType) {
        return new MaskedSignature(bytes(mask), bytes(pattern), false, contentType);
    }

    /** A RIFF container: "RIFF", four free size bytes, then the form type. */
    private static Signature riff(String form, String contentType) {
        byte[] pattern = concat(bytes("RIFF"), ANY4, bytes(form));
        byte[] mask = concat(ones(4), ANY4, ones(form.length()));
        return new MaskedSignature(mask, pattern, false, contentType);
    }

    /** The bytes of a string whose chars are all below 256, one byte per char. */
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] ones(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) 0xFF);
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
