package nethttp.archfixture.textproto;

import nethttp.archfixture.core.Fields;

/** A text-protocol class that reaches up into core: an upward import and, with Fields, a cycle. */
public class Lines {
    public Fields fields;
}
