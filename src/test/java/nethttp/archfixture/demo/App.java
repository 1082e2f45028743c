package nethttp.archfixture.demo;

/** The application on top. */
public class App {}
