package nethttp.core;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nethttp.annotations.Mirrors;
import nethttp.textproto.Guts;

/**
 * An HTTP cookie, Go's {@code http.Cookie}: what a server sets with {@code Set-Cookie} and a
 * client sends back in {@code Cookie}.
 *
 * <p>The fields are public and mutable, named after Go's. A cookie read from a {@code Cookie}
 * request header has only {@link #name} and {@link #value}; one read from {@code Set-Cookie}
 * has the attributes too, and the line it came from in {@link #raw}.
 */
@Mirrors(file = "net/http/cookie.go", func = "Cookie")
public final class Cookie {
    /** The name, a token (never empty). */
    public String name = "";
    /** The value, without the double quotes it may have been sent in. */
    public String value = "";
    /** The {@code Path} attribute; empty when absent. */
    public String path = "";
    /** The {@code Domain} attribute as sent (a leading dot kept); empty when absent. */
    public String domain = "";
    /** The {@code Expires} attribute as an instant, or null when absent or unreadable. */
    public Instant expires;
    /** The {@code Expires} attribute's text, as sent. */
    public String rawExpires = "";
    /**
     * The {@code Max-Age} attribute: 0 when absent, a positive number of seconds, or -1 for
     * {@code Max-Age=0} or a negative value, both of which mean "delete now" (Go's convention).
     */
    public int maxAge;
    public boolean secure;
    public boolean httpOnly;
    public SameSite sameSite = SameSite.UNSET;
    /** The whole {@code Set-Cookie} line this cookie was read from. */
    public String raw = "";
    /** Attributes that were not understood, as sent: {@code "Priority=High"}. */
    public List<String> unparsed = new ArrayList<>();

    /** The {@code SameSite} attribute. {@code DEFAULT} is a {@code SameSite} with an unknown or empty value. */
    @Mirrors(file = "net/http/cookie.go", func = "SameSite")
    public enum SameSite { UNSET, DEFAULT, LAX, STRICT, NONE }

    public Cookie() {}

    /** A cookie with just a name and a value, as a client sends one. */
    public Cookie(String name, String value) {
        this.name = name;
        this.value = value;
    }

    /**
     * Every valid cookie in the {@code Set-Cookie} fields of {@code h}, in order. A line whose
     * {@code name=value} pair is malformed is skipped; an attribute whose value holds a byte a
     * cookie may not contain goes to {@link #unparsed}. {@code Expires} is read in the two
     * forms Go reads, {@code Mon, 02 Jan 2006 15:04:05 GMT} and {@code Mon, 02-Jan-2006
     * 15:04:05 GMT}; the zone name is taken to mean UTC, as Go does for any zone it does not
     * know and for GMT and UTC.
     */
    @Mirrors(file = "net/http/cookie.go", func = "readSetCookies")
    public static List<Cookie> readSetCookies(Header h) {
        List<Cookie> cookies = new ArrayList<>();
        for (String line : h.values("Set-Cookie")) {
            String[] parts = Header.trim(line).split(";", -1);
            if (parts.length == 1 && parts[0].isEmpty()) continue;
            String first = Header.trim(parts[0]);
            int eq = first.indexOf('=');
            if (eq < 0) continue;
            String name = first.substring(0, eq);
            if (!isCookieNameValid(name)) continue;
            String value = parseCookieValue(first.substring(eq + 1), true);
            if (value == null) continue;
            Cookie c = new Cookie(name, value);
            c.raw = line;
            for (int i = 1; i < parts.length; i++) {
                String part = Header.trim(parts[i]);
                if (!part.isEmpty()) readAttribute(c, part);
            }
            cookies.add(c);
        }
        return cookies;
    }

    private static void readAttribute(Cookie c, String part) {
        int eq = part.indexOf('=');
        String attr = eq < 0 ? part : part.substring(0, eq);
        if (!isASCII(attr)) return;
        String val = parseCookieValue(eq < 0 ? "" : part.substring(eq + 1), false);
        if (val == null) {
            c.unparsed.add(part);
            return;
        }
        switch (attr.toLowerCase(Locale.ROOT)) {
            case "samesite" -> c.sameSite = sameSite(val);
            case "secure" -> c.secure = true;
            case "httponly" -> c.httpOnly = true;
            case "domain" -> c.domain = val;
            case "path" -> c.path = val;
            case "max-age" -> {
                Integer secs = maxAgeSeconds(val);
                if (secs == null) c.unparsed.add(part);
                else c.maxAge = secs;
            }
            case "expires" -> {
                c.rawExpires = val;
                c.expires = parseExpires(val);
                if (c.expires == null) c.unparsed.add(part);
            }
            default -> c.unparsed.add(part);
        }
    }

    private static SameSite sameSite(String val) {
        if (!isASCII(val)) return SameSite.DEFAULT;
        return switch (val.toLowerCase(Locale.ROOT)) {
            case "lax" -> SameSite.LAX;
            case "strict" -> SameSite.STRICT;
            case "none" -> SameSite.NONE;
            default -> SameSite.DEFAULT;
        };
    }

    /** Seconds for a valid {@code Max-Age} (-1 for "delete now"), or null: leading zeros are refused, as Go does. */
    private static Integer maxAgeSeconds(String val) {
        int secs;
        try {
            secs = Integer.parseInt(val);
        } catch (NumberFormatException e) {
            return null;
        }
        if (secs != 0 && val.charAt(0) == '0') return null;
        return secs <= 0 ? -1 : secs;
    }

    private static final Pattern EXPIRES = Pattern.compile(
            "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\\d{2})([ -])(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\\3(\\d{4}) "
                    + "(\\d{1,2}):(\\d{2}):(\\d{2}) ([A-Z]{3,5})");
    private static final List<String> MONTHS =
            List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");

    /** Go's {@code time.RFC1123} and its dashed variant; null when neither fits. */
    static Instant parseExpires(String val) {
        Matcher m = EXPIRES.matcher(val);
        if (!m.matches()) return null;
        try {
            return LocalDateTime.of(Integer.parseInt(m.group(5)), MONTHS.indexOf(m.group(4)) + 1,
                    Integer.parseInt(m.group(2)), Integer.parseInt(m.group(6)), Integer.parseInt(m.group(7)),
                    Integer.parseInt(m.group(8))).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null; // day or hour out of range
        }
    }

    /**
     * Every valid cookie in the {@code Cookie} fields of {@code h}, or only those named
     * {@code filter} when it is not empty. Invalid pairs are skipped.
     */
    @Mirrors(file = "net/http/cookie.go", func = "readCookies")
    public static List<Cookie> readCookies(Header h, String filter) {
        List<Cookie> cookies = new ArrayList<>();
        for (String line : h.values("Cookie")) {
            for (String part : Header.trim(line).split(";", -1)) {
                part = Header.trim(part);
                if (part.isEmpty()) continue;
                int eq = part.indexOf('=');
                String name = eq < 0 ? part : part.substring(0, eq);
                if (!isCookieNameValid(name)) continue;
                if (!filter.isEmpty() && !filter.equals(name)) continue;
                String val = parseCookieValue(eq < 0 ? "" : part.substring(eq + 1), true);
                if (val != null) cookies.add(new Cookie(name, val));
            }
        }
        return cookies;
    }

    /**
     * Adds {@code c} to the request's {@code Cookie} field as {@code name=value}, after any
     * cookies already there ({@code a=1; b=2}). Only the name and value are sent: a line break
     * in the name becomes {@code -}, bytes a value may not hold are dropped, and a value with a
     * space or comma is double-quoted.
     */
    @Mirrors(file = "net/http/request.go", func = "Request.AddCookie")
    public static void addCookie(Request req, Cookie c) {
        String s = sanitizeCookieName(c.name) + "=" + sanitizeCookieValue(c.value);
        String existing = req.header.get("Cookie");
        req.header.set("Cookie", existing == null || existing.isEmpty() ? s : existing + "; " + s);
    }

    @Mirrors(file = "net/http/cookie.go", func = "sanitizeCookieName")
    static String sanitizeCookieName(String n) {
        return n.replace('\n', '-').replace('\r', '-');
    }

    @Mirrors(file = "net/http/cookie.go", func = "sanitizeCookieValue")
    static String sanitizeCookieValue(String v) {
        StringBuilder kept = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            if (validCookieValueByte(v.charAt(i))) kept.append(v.charAt(i));
        }
        String s = kept.toString();
        if (s.indexOf(' ') >= 0 || s.indexOf(',') >= 0) return '"' + s + '"';
        return s;
    }

    /** The value without its surrounding quotes (when allowed), or null when it holds a forbidden byte. */
    @Mirrors(file = "net/http/cookie.go", func = "parseCookieValue")
    static String parseCookieValue(String raw, boolean allowDoubleQuote) {
        if (allowDoubleQuote && raw.length() > 1 && raw.charAt(0) == '"' && raw.charAt(raw.length() - 1) == '"') {
            raw = raw.substring(1, raw.length() - 1);
        }
        for (int i = 0; i < raw.length(); i++) {
            if (!validCookieValueByte(raw.charAt(i))) return null;
        }
        return raw;
    }

    @Mirrors(file = "net/http/cookie.go", func = "validCookieValueByte")
    static boolean validCookieValueByte(char b) {
        return 0x20 <= b && b < 0x7f && b != '"' && b != ';' && b != '\\';
    }

    @Mirrors(file = "net/http/cookie.go", func = "isCookieNameValid")
    static boolean isCookieNameValid(String raw) {
        if (raw.isEmpty()) return false;
        for (int i = 0; i < raw.length(); i++) {
            if (!Guts.isTokenRune(raw.charAt(i))) return false;
        }
        return true;
    }

    private static boolean isASCII(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) return false;
        }
        return true;
    }

    /** {@code name=value}. */
    @Override
    public String toString() {
        return name + "=" + value;
    }
}
