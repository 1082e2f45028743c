package nethttp.sniff;

import nethttp.annotations.Mirrors;

/**
 * An MP4 file: a first box whose big-endian size (a multiple of four, all of it present) is
 * followed by {@code ftyp}, and whose list of brands names one starting with {@code mp4}. The
 * four bytes after the major brand are its version, not a brand, and are skipped.
 */
@Mirrors(file = "net/http/sniff.go", func = "mp4Sig")
record Mp4Signature() implements Signature {
    @Override
    @Mirrors(file = "net/http/sniff.go", func = "mp4Sig.match")
    public String match(byte[] data, int firstNonWS) {
        if (data.length < 12) return "";
        long boxSize = ((data[0] & 0xFFL) << 24) | ((data[1] & 0xFF) << 16)
                | ((data[2] & 0xFF) << 8) | (data[3] & 0xFF);
        if (data.length < boxSize || boxSize % 4 != 0) return "";
        if (!startsWith(data, 4, "ftyp")) return "";
        for (int st = 8; st < boxSize; st += 4) {
            if (st == 12) continue;
            if (startsWith(data, st, "mp4")) return "video/mp4";
        }
        return "";
    }

    private static boolean startsWith(byte[] data, int at, String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            if (data[at + i] != ascii.charAt(i)) return false;
        }
        return true;
    }
}
