package nethttp.sniff;

import nethttp.annotations.Mirrors;

/** The body starts with exactly these bytes (whitespace counts). */
@Mirrors(file = "net/http/sniff.go", func = "exactSig")
record ExactSignature(byte[] prefix, String contentType) implements Signature {
    @Override
    @Mirrors(file = "net/http/sniff.go", func = "exactSig.match")
    public String match(byte[] data, int firstNonWS) {
        if (data.length < prefix.length) return "";
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) return "";
        }
        return contentType;
    }
}
