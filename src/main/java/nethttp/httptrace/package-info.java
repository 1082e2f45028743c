/**
 * Go's {@code net/http/httptrace} ({@code trace.go}): {@link nethttp.httptrace.ClientTrace}
 * holds the hooks a request carries in its {@link nethttp.core.Context} to watch its connection
 * being found, dialed, written to and answered. The transport calls them (chapter 8).
 */
package nethttp.httptrace;
