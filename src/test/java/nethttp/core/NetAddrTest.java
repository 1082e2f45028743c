package nethttp.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class NetAddrTest {

    @Test
    void ipv6AddressesAreWrittenAsGoWritesThem() throws Exception {
        assertEquals("::1", NetAddr.compressIPv6(InetAddress.getByName("::1").getAddress()));
        assertEquals("::", NetAddr.compressIPv6(InetAddress.getByName("::").getAddress()));
        assertEquals("fe80::1", NetAddr.compressIPv6(InetAddress.getByName("fe80:0:0:0:0:0:0:1").getAddress()));
        assertEquals("2001:db8::", NetAddr.compressIPv6(InetAddress.getByName("2001:db8:0:0:0:0:0:0").getAddress()));
        assertEquals("1:0:0:1::1", NetAddr.compressIPv6(InetAddress.getByName("1:0:0:1:0:0:0:1").getAddress()));
        assertEquals("1:0:1:0:1:0:1:0", NetAddr.compressIPv6(InetAddress.getByName("1:0:1:0:1:0:1:0").getAddress()));
    }

    @Test
    void hostAndPort() throws Exception {
        assertEquals("127.0.0.1:80", NetAddr.of(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 80)));
        assertEquals("[::]:8080", NetAddr.of(new InetSocketAddress(InetAddress.getByName("::"), 8080)));
        assertEquals("", NetAddr.of(null));
    }

    /** An IPv4 address in its IPv6 mapped form is written as IPv4, as Go's {@code IP.String} does. */
    @Test
    void aMappedIpv4AddressIsWrittenAsIpv4() throws Exception {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1};
        assertEquals("127.0.0.1:80", NetAddr.of(new InetSocketAddress(InetAddress.getByAddress(mapped), 80)));
    }

    /**
     * A link-local peer carries its zone, the interface it came in on: Go writes the interface's
     * name when it knows it ({@code [fe80::1%eth0]:80}) and its index otherwise.
     */
    @Test
    void aZoneIsWrittenAfterAPercentSign() throws Exception {
        byte[] linkLocal = InetAddress.getByName("fe80::1").getAddress();
        int unknown = 999_999;
        assertEquals(null, java.net.NetworkInterface.getByIndex(unknown));
        assertEquals("[fe80::1%" + unknown + "]:80",
                NetAddr.of(new InetSocketAddress(java.net.Inet6Address.getByAddress(null, linkLocal, unknown), 80)));
        java.net.NetworkInterface lo = java.net.NetworkInterface.networkInterfaces()
                .filter(n -> n.getIndex() > 0).findFirst().orElseThrow();
        assertEquals("[fe80::1%" + lo.getName() + "]:80",
                NetAddr.of(new InetSocketAddress(java.net.Inet6Address.getByAddress(null, linkLocal, lo.getIndex()), 80)));
    }
}
