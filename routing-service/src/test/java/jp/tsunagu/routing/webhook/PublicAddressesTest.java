package jp.tsunagu.routing.webhook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Which addresses a webhook may go to, as a table: given an address (every form a probe tried, and one of each IANA
 * special-purpose block), then refused for this reason, or allowed. Addresses are parsed, never connected to.
 */
class PublicAddressesTest {

    /** This server's interfaces in the table: a private address and public ones. */
    static final PublicAddresses POLICY = new PublicAddresses(() -> Set.of(address("10.20.30.40"),
            address("151.101.2.7"), address("2a03:2880:f10c::7")));

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            // this server's own addresses, also carried in IPv6
            "151.101.2.7, OWN", "2a03:2880:f10c::7, OWN", "::ffff:151.101.2.7, OWN", "64:ff9b::9765:207, OWN",
            "10.20.30.40, OWN",
            // IPv4 special-purpose registry (RFC 6890 and updates), multicast, 240/4
            "0.0.0.0, UNSPECIFIED", "0.1.2.3, SPECIAL", "10.0.0.1, PRIVATE", "100.64.0.1, SHARED",
            "100.127.255.254, SHARED", "127.0.0.2, LOOPBACK", "169.254.169.254, LINK_LOCAL", "172.16.0.1, PRIVATE",
            "172.31.255.255, PRIVATE", "192.0.0.1, SPECIAL", "192.0.0.170, SPECIAL", "192.0.2.1, DOCUMENTATION",
            "192.0.2.2, DOCUMENTATION", "192.31.196.1, SPECIAL", "192.52.193.1, SPECIAL", "192.88.99.1, SPECIAL",
            "192.168.1.1, PRIVATE", "192.175.48.1, SPECIAL", "198.18.0.1, SPECIAL", "198.19.255.255, SPECIAL",
            "198.51.100.1, DOCUMENTATION", "203.0.113.10, DOCUMENTATION", "224.0.0.1, MULTICAST",
            "239.255.255.250, MULTICAST", "240.0.0.1, SPECIAL", "255.255.255.255, SPECIAL",
            // IPv6 special-purpose registry and the blocks outside global unicast
            "::, UNSPECIFIED", "::1, LOOPBACK", "100::1, SPECIAL", "100:0:0:1::1, SPECIAL", "2001:2::1, SPECIAL",
            "2001:10::1, SPECIAL", "2001:20::1, SPECIAL", "2001:db8::1, DOCUMENTATION", "3fff::1, DOCUMENTATION",
            "2620:4f:8000::1, SPECIAL", "5f00::1, SPECIAL", "fc00::1, PRIVATE", "fd00::1, PRIVATE",
            "fec0::1, PRIVATE", "fe80::1, LINK_LOCAL", "ff02::1, MULTICAST", "4000::1, SPECIAL", "1::1, SPECIAL",
            // IPv4 carried in IPv6: mapped, compatible, SIIT-translated, NAT64 (both prefixes), 6to4, Teredo
            "::ffff:a9fe:a9fe, LINK_LOCAL", "::a9fe:a9fe, LINK_LOCAL", "::10.0.0.1, PRIVATE",
            "::ffff:0:a9fe:a9fe, LINK_LOCAL", "64:ff9b::a9fe:a9fe, LINK_LOCAL", "64:ff9b::7f00:1, LOOPBACK",
            "64:ff9b:1::a9fe:a9fe, LINK_LOCAL", "64:ff9b:1::808:808, SPECIAL", "2002:a9fe:a9fe::1, LINK_LOCAL",
            "2002:c0a8:101::1, PRIVATE", "2002:808:808::1, SPECIAL", "::808:808, SPECIAL", "::ffff:0:808:808, SPECIAL",
            // Teredo: client 10.0.0.1 inverted (f5ff:fffe); the server 169.254.169.254 of a public client (8.8.8.8)
            "2001:0:4136:e378:8000:63bf:f5ff:fffe, PRIVATE", "2001:0:a9fe:a9fe:8000:63bf:f7f7:f7f7, LINK_LOCAL",
            "2001:0:4136:e378:8000:63bf:f7f7:f7f7, SPECIAL",
    })
    void refusesTheServersOwnAndEverySpecialPurposeAddress(String address, PublicAddresses.Kind why) {
        assertEquals(Optional.of(why), POLICY.refusal(address(address)), address);
    }

    @Test
    void allowsPublicUnicastAndTheNat64OfAPublicAddress() {
        for (String address : List.of("8.8.8.8", "93.184.215.14", "1.1.1.1", "100.63.255.255", "100.128.0.1",
                "172.32.0.1", "192.0.3.1", "198.20.0.1", "223.255.255.254", "2606:4700:4700::1111",
                "2a00:1450:4001:82a::200e", "64:ff9b::808:808", "::ffff:8.8.8.8")) {
            assertEquals(Optional.empty(), POLICY.refusal(address(address)), address);
        }
    }

    @Test
    void thisMachinesInterfacesAreListed() {
        Set<InetAddress> own = PublicAddresses.interfaceAddresses();
        assertFalse(own.isEmpty());
        PublicAddresses live = new PublicAddresses(PublicAddresses::interfaceAddresses);
        own.forEach(a -> assertFalse(live.refusal(a).isEmpty(), a.getHostAddress()));
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
