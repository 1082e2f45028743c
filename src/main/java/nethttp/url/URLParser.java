package nethttp.url;

/** Parsing and formatting behind {@link URL}. */
final class URLParser {
    private URLParser() {}

    static URL parse(String raw, boolean viaRequest) throws URLException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    static URL parseWithFragment(String raw) throws URLException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    static String escapedPath(URL u) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    static String format(URL u) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
