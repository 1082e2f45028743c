package nethttp.core;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.SocketAddress;
import nethttp.annotations.Mirrors;

/**
 * A socket address as Go's {@code net} package writes it in errors and logs:
 * {@code 127.0.0.1:8080}, {@code [::1]:8080}. Server and client name their connections' ends in
 * Go's words, so the form lives below both.
 */
public final class NetAddr {
    private NetAddr() {}

    /**
     * {@code ip:port}, an IPv6 address compressed and in brackets, with its zone when it has one
     * ({@code [fe80::1%eth0]:8080}); empty for no address.
     */
    @Mirrors(file = "net/tcpsock.go", func = "TCPAddr.String")
    public static String of(SocketAddress a) {
        if (a == null) return "";
        if (!(a instanceof InetSocketAddress isa) || isa.getAddress() == null) return String.valueOf(a);
        InetAddress ip = isa.getAddress();
        String host = ip instanceof Inet6Address ip6
                ? "[" + compressIPv6(ip.getAddress()) + zone(ip6) + "]"
                : ip.getHostAddress();
        return host + ":" + isa.getPort();
    }

    /**
     * {@code %} and the interface a link-local address is scoped to, by name when the machine
     * has an interface with that index and by number otherwise; empty for no scope.
     */
    @Mirrors(file = "net/interface.go", func = "ipv6ZoneCache.name")
    private static String zone(Inet6Address ip) {
        NetworkInterface named = ip.getScopedInterface();
        if (named != null) return "%" + named.getName();
        int index = ip.getScopeId();
        if (index == 0) return "";
        try {
            NetworkInterface ni = NetworkInterface.getByIndex(index);
            if (ni != null) return "%" + ni.getName();
        } catch (SocketException e) {
            // the machine would not say: the number stands for the interface, as in Go
        }
        return "%" + Integer.toUnsignedString(index);
    }

    /** RFC 5952's form: hex without leading zeros, the longest run of two or more zero groups as {@code ::}. */
    @Mirrors(file = "net/ip.go", func = "IP.String")
    public static String compressIPv6(byte[] b) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) g[i] = (b[2 * i] & 0xff) << 8 | (b[2 * i + 1] & 0xff);
        int bestStart = -1, bestLen = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && g[j] == 0) j++;
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLen - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') out.append(':');
            out.append(Integer.toHexString(g[i]));
        }
        return out.toString();
    }
}
