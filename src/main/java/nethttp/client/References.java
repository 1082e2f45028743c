package nethttp.client;

import nethttp.annotations.Mirrors;
import nethttp.url.URL;
import nethttp.url.URLException;

/**
 * Resolving a reference such as a {@code Location} header against the URL of the request it
 * answers, as RFC 3986 section 5.2 describes and Go's {@code URL.Parse} and
 * {@code URL.ResolveReference} do: {@code "../b?x=1"} against {@code http://h/a/c} is
 * {@code http://h/b?x=1}.
 */
final class References {
    private References() {}

    /**
     * Parses {@code ref} and resolves it against {@code base}.
     *
     * @throws URLException when {@code ref} is not a valid URL, with Go's {@code parse "..."}
     *     text
     */
    @Mirrors(file = "net/url/url.go", func = "URL.Parse")
    static URL parse(URL base, String ref) throws URLException {
        return resolve(base, URL.parse(ref));
    }

    /** The URL {@code ref} names when read relative to {@code base}; neither is changed. */
    @Mirrors(file = "net/url/url.go", func = "URL.ResolveReference")
    static URL resolve(URL base, URL ref) throws URLException {
        if (!ref.scheme.isEmpty() || !ref.host.isEmpty() || ref.hasUser) {
            URL url = ref.copy();
            if (url.scheme.isEmpty()) url.scheme = base.scheme;
            url.setEncodedPath(resolvePath(ref.escapedPath(), ""));
            return url;
        }
        if (!ref.opaque.isEmpty()) {
            URL url = ref.copy();
            url.scheme = base.scheme;
            url.host = "";
            url.path = "";
            url.rawPath = "";
            return url;
        }
        // A path-only reference keeps the base's authority (host and user information).
        URL url = base.copy();
        url.opaque = ref.opaque;
        url.omitHost = ref.omitHost;
        url.forceQuery = ref.forceQuery;
        url.rawQuery = ref.rawQuery;
        url.fragment = ref.fragment;
        url.rawFragment = ref.rawFragment;
        if (ref.path.isEmpty() && !ref.forceQuery && ref.rawQuery.isEmpty()) {
            url.rawQuery = base.rawQuery;
            if (ref.fragment.isEmpty()) {
                url.fragment = base.fragment;
                url.rawFragment = base.rawFragment;
            }
        }
        url.setEncodedPath(resolvePath(base.escapedPath(), ref.escapedPath()));
        return url;
    }

    /**
     * Joins an encoded base path and an encoded reference path and removes the dot segments:
     * RFC 3986's "merge" and "remove_dot_segments". The result starts with a slash unless it is
     * empty; a final {@code .} or {@code ..} leaves a trailing slash.
     */
    @Mirrors(file = "net/url/url.go", func = "resolvePath")
    static String resolvePath(String base, String ref) {
        String full;
        if (ref.isEmpty()) {
            full = base;
        } else if (ref.charAt(0) != '/') {
            full = base.substring(0, base.lastIndexOf('/') + 1) + ref;
        } else {
            full = ref;
        }
        if (full.isEmpty()) return "";

        StringBuilder dst = new StringBuilder("/");
        boolean first = true;
        String elem = "";
        String remaining = full;
        boolean found = true;
        while (found) {
            int slash = remaining.indexOf('/');
            found = slash >= 0;
            elem = found ? remaining.substring(0, slash) : remaining;
            remaining = found ? remaining.substring(slash + 1) : "";
            if (elem.equals(".")) {
                first = false;
            } else if (elem.equals("..")) {
                String written = dst.substring(1);
                int index = written.lastIndexOf('/');
                dst.setLength(0);
                dst.append('/');
                if (index == -1) {
                    first = true;
                } else {
                    dst.append(written, 0, index);
                }
            } else {
                if (!first) dst.append('/');
                dst.append(elem);
                first = false;
            }
        }
        if (elem.equals(".") || elem.equals("..")) dst.append('/');

        String r = dst.toString();
        return r.length() > 1 && r.charAt(1) == '/' ? r.substring(1) : r;
    }
}
