package nethttp.sniff;

import nethttp.annotations.Mirrors;

/**
 * The last resort before {@code application/octet-stream}: text is a body (after its leading
 * whitespace) without any of the control bytes that text files do not contain. Tab, line feed,
 * form feed, carriage return and escape (0x1B) are allowed; so is every byte from 0x20 up, which
 * lets UTF-8 through without decoding it.
 */
@Mirrors(file = "net/http/sniff.go", func = "textSig")
record TextSignature() implements Signature {
    @Override
    @Mirrors(file = "net/http/sniff.go", func = "textSig.match")
    public String match(byte[] data, int firstNonWS) {
        for (int i = firstNonWS; i < data.length; i++) {
            if (isBinaryByte(data[i] & 0xFF)) return "";
        }
        return "text/plain; charset=utf-8";
    }

    private static boolean isBinaryByte(int b) {
        return b <= 0x08 || b == 0x0B || (0x0E <= b && b <= 0x1A) || (0x1C <= b && b <= 0x1F);
    }
}
