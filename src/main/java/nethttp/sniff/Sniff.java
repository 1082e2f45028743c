package nethttp.sniff;

/** STUB: Go's DetectContentType; filled in by the sniff package. */
public final class Sniff {
    private Sniff() {}

    public static String detectContentType(byte[] data, int off, int len) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
