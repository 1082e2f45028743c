package nethttp.sniff;

import nethttp.annotations.Mirrors;

/**
 * An HTML tag such as {@code <HTML} or {@code <!--} at the start of the body, after any leading
 * whitespace, in any letter case, followed by a space or {@code >}. The byte after the tag is
 * what tells {@code <B>} from {@code <BODY} and {@code <br} from {@code <brand}: without it,
 * {@code <b} would match every body starting with {@code <body}, and {@code <p} any
 * {@code <pre}-ish text.
 */
@Mirrors(file = "net/http/sniff.go", func = "htmlSig")
record HtmlSignature(byte[] tag) implements Signature {
    @Override
    @Mirrors(file = "net/http/sniff.go", func = "htmlSig.match")
    public String match(byte[] data, int firstNonWS) {
        // The tag and one more byte, the one that must end the tag name.
        if (data.length - firstNonWS < tag.length + 1) return "";
        for (int i = 0; i < tag.length; i++) {
            byte want = tag[i];
            byte got = data[firstNonWS + i];
            // Clearing bit 0x20 folds a lower-case ASCII letter to upper case.
            if (want >= 'A' && want <= 'Z') got &= (byte) 0xDF;
            if (got != want) return "";
        }
        if (!Sniff.isTagTerminating(data[firstNonWS + tag.length])) return "";
        return "text/html; charset=utf-8";
    }
}
