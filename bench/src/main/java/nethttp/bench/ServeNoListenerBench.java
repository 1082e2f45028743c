package nethttp.bench;

/** {@link ServeBench} on the server as shipped, with nobody listening to its events. */
public class ServeNoListenerBench extends ServeBench {}
