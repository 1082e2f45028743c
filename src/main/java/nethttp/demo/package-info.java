/**
 * The demo server and the command line: {@code serve} runs the routes of {@link
 * nethttp.demo.DemoRoutes} ({@code /}, {@code /echo}, {@code /stream}, {@code /slow}), with
 * {@code --trace} printing the server's events as they happen.
 *
 * <p>{@code /echo} answers with the request as the server parsed it, as JSON with Go's field
 * names ({@link nethttp.demo.EchoHandler}, {@link nethttp.demo.Json}); the differential suite runs
 * the same routes on Go's net/http and compares the replies byte for byte.
 */
package nethttp.demo;
