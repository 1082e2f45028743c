package nethttp.archfixture.misc;

/** A package that LAYERS does not name. */
public class Stray {}
