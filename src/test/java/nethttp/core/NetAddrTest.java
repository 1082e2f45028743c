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
}
