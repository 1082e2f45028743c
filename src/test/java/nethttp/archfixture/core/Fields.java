package nethttp.archfixture.core;

import nethttp.archfixture.demo.App;
import nethttp.archfixture.textproto.Lines;

/** A core class that uses textproto (allowed) and the demo (never allowed). */
public class Fields {
    public Lines lines;
    public App app;
}
