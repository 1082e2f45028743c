package nethttp.visualizer.model;

/**
 * A line of narration: what a scenario is about to do ("client A sends two requests in one
 * write"), or a line the server logged.
 */
public record Note(long nanos, String text) implements Happening {}
