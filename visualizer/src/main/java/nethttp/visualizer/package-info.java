/**
 * The visualizer: a JavaFX window that runs the library's server with clients in-process and
 * animates its connections and virtual threads, one recorded event at a time.
 *
 * <p>{@link nethttp.visualizer.VisualizerApp} opens the window; {@code MainView} holds the
 * controls and the position in the recording, and {@code LanesView} draws the lanes. What the
 * lanes mean is told in chapter 3, "Server and the accept loop", and chapter 4, "The conn.serve
 * loop and the connection states".
 */
package nethttp.visualizer;
