package nethttp.server;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import nethttp.annotations.Mirrors;

/**
 * The {@code Date} header value, {@code Mon, 02 Jan 2006 15:04:05 GMT} (RFC 7231's IMF-fixdate).
 * Formatting a date for every response would show up in a profile, and the value only changes
 * once a second, so the last one is kept.
 */
final class HttpDate {
    private HttpDate() {}

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private record Cached(long second, String text) {}

    private static volatile Cached cached = new Cached(-1, "");

    @Mirrors(file = "net/http/server.go", func = "appendTime")
    static String now() {
        long second = System.currentTimeMillis() / 1000;
        Cached c = cached;
        if (c.second != second) {
            c = new Cached(second, FORMAT.format(Instant.ofEpochSecond(second)));
            cached = c;
        }
        return c.text;
    }
}
