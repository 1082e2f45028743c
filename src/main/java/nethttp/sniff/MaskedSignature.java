package nethttp.sniff;

import nethttp.annotations.Mirrors;

/**
 * The body's first bytes, each ANDed with a mask byte, equal a pattern. A zero mask byte makes a
 * position "any byte", as the four size bytes in {@code RIFF....WAVE}; {@code 0xDF} would ignore
 * ASCII case.
 *
 * @param skipWhitespace whether leading whitespace is skipped before comparing (only the XML
 *     signature does)
 */
@Mirrors(file = "net/http/sniff.go", func = "maskedSig")
record MaskedSignature(byte[] mask, byte[] pattern, boolean skipWhitespace, String contentType)
        implements Signature {

    @Override
    @Mirrors(file = "net/http/sniff.go", func = "maskedSig.match")
    public String match(byte[] data, int firstNonWS) {
        int start = skipWhitespace ? firstNonWS : 0;
        if (mask.length != pattern.length) return "";
        if (data.length - start < pattern.length) return "";
        for (int i = 0; i < pattern.length; i++) {
            if ((data[start + i] & mask[i]) != pattern[i]) return "";
        }
        return contentType;
    }
}
