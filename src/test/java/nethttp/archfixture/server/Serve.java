package nethttp.archfixture.server;

/** A server-side class. */
public class Serve {}
