/**
 * Reading gzip data, Go's {@code compress/gzip} reader ({@code gunzip.go}):
 * {@link nethttp.gzip.Gunzip} decodes a series of gzip members and fails with Go's error texts.
 * The transport uses it for responses it asked to be compressed (chapter 8). It knows nothing of
 * HTTP.
 */
package nethttp.gzip;
