package nethttp.archfixture.client;

import nethttp.archfixture.server.Serve;

/** A client class that uses the server side, which sits below it but on the other side. */
public class Fetch {
    public Serve serve;
}
