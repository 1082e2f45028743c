/**
 * The visualizer's model, free of JavaFX: a recording is a list of happenings (the library's
 * events, the bytes the scenario's clients sent and read, notes), and the view state at a step is
 * a pure function of the happenings before it. Stepping back, scrubbing and replaying a saved
 * file are therefore exact.
 *
 * <p>Recordings are saved as text ({@link nethttp.visualizer.model.RecordingFile}) and exported
 * as Chrome trace-event JSON for Perfetto ({@link nethttp.visualizer.model.ChromeTrace}). The
 * server's events are told in chapter 4, "The conn.serve loop and the connection states"; the
 * client's, from which {@link nethttp.visualizer.model.ClientView} derives the idle pool and the
 * wantConn queues, in chapters 8 and 9, "Client and Transport" and "The getConn race".
 *
 * <p>{@link nethttp.visualizer.model.CodeLinks} names the library's method behind each step and
 * lane, and {@link nethttp.visualizer.model.CodeIndex} finds it, and the chapter section that
 * quotes it, in the sources and chapters packaged with the app.
 */
package nethttp.visualizer.model;
