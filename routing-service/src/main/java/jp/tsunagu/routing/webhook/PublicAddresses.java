package jp.tsunagu.routing.webhook;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which addresses a webhook may be sent to: ordinary public unicast addresses only. Refused are this server's own
 * addresses (every address of every network interface: the services listen on all of them in a container) and every
 * block of IANA's IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890 and its updates), multicast, and IPv6
 * outside global unicast (2000::/3). An IPv6 address that carries an IPv4 one (mapped, compatible, SIIT-translated,
 * the NAT64 prefixes, 6to4, Teredo) is judged by the IPv4 address it carries as well, so {@code [::ffff:a9fe:a9fe]}
 * is the metadata service's link-local address, not an IPv6 one. Only the well-known NAT64 prefix 64:ff9b::/96, which
 * the registry marks globally reachable, passes when the address it carries is public. Plain Java, no network.
 */
public final class PublicAddresses {

    /** Why an address is refused, as a person reads it (the Japanese is in ProblemJapanese). */
    public enum Kind {
        OWN("an address of this server"),
        LOOPBACK("a loopback address"),
        UNSPECIFIED("an unspecified address"),
        PRIVATE("a private address"),
        SHARED("a shared (carrier-grade NAT) address"),
        LINK_LOCAL("a link-local address"),
        MULTICAST("a multicast address"),
        DOCUMENTATION("a documentation address"),
        SPECIAL("a special-purpose address");

        private final String english;

        Kind(String english) {
            this.english = english;
        }

        public String english() {
            return english;
        }
    }

    /** A block of addresses: its first bytes, how many bits of them count, and what it is. */
    private record Block(byte[] prefix, int bits, Kind kind) {

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >>> (i % 8);
                if ((address[i / 8] & mask) != (prefix[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** IANA IPv4 Special-Purpose Address Registry, with multicast and 240/4 (which holds the broadcast address). */
    private static final List<Block> IPV4 = List.of(
            block("0.0.0.0/32", Kind.UNSPECIFIED), block("0.0.0.0/8", Kind.SPECIAL),
            block("10.0.0.0/8", Kind.PRIVATE), block("100.64.0.0/10", Kind.SHARED),
            block("127.0.0.0/8", Kind.LOOPBACK), block("169.254.0.0/16", Kind.LINK_LOCAL),
            block("172.16.0.0/12", Kind.PRIVATE), block("192.0.0.0/24", Kind.SPECIAL),
            block("192.0.2.0/24", Kind.DOCUMENTATION), block("192.31.196.0/24", Kind.SPECIAL),
            block("192.52.193.0/24", Kind.SPECIAL), block("192.88.99.0/24", Kind.SPECIAL),
            block("192.168.0.0/16", Kind.PRIVATE), block("192.175.48.0/24", Kind.SPECIAL),
            block("198.18.0.0/15", Kind.SPECIAL), block("198.51.100.0/24", Kind.DOCUMENTATION),
            block("203.0.113.0/24", Kind.DOCUMENTATION), block("224.0.0.0/4", Kind.MULTICAST),
            block("240.0.0.0/4", Kind.SPECIAL));

    /**
     * IANA IPv6 Special-Purpose Address Registry and the non-global blocks of the IPv6 address space; the ones that
     * carry an IPv4 address are unwrapped first ({@link #embeddedIpv4}).
     */
    private static final List<Block> IPV6 = List.of(
            block("64:ff9b:1::/48", Kind.SPECIAL), block("100::/64", Kind.SPECIAL),
            block("100:0:0:1::/64", Kind.SPECIAL), block("2001::/23", Kind.SPECIAL),
            block("2001:db8::/32", Kind.DOCUMENTATION), block("2002::/16", Kind.SPECIAL),
            block("2620:4f:8000::/48", Kind.SPECIAL), block("3fff::/20", Kind.DOCUMENTATION),
            block("5f00::/16", Kind.SPECIAL), block("fc00::/7", Kind.PRIVATE), block("fec0::/10", Kind.PRIVATE),
            block("fe80::/10", Kind.LINK_LOCAL), block("ff00::/8", Kind.MULTICAST));

    /** Within ::/96, which carries IPv4 addresses: judged before it. */
    private static final List<Block> IPV6_EXACT = List.of(block("::/128", Kind.UNSPECIFIED),
            block("::1/128", Kind.LOOPBACK));
    private static final Block GLOBAL_UNICAST = block("2000::/3", Kind.SPECIAL);
    private static final Block NAT64 = block("64:ff9b::/96", Kind.SPECIAL);

    private final Supplier<Set<InetAddress>> ownAddresses;

    /** @param ownAddresses this server's addresses, asked at each check (interfaces come and go) */
    public PublicAddresses(Supplier<Set<InetAddress>> ownAddresses) {
        this.ownAddresses = ownAddresses;
    }

    /** Every address of every network interface of this machine (up or down, with their sub-interfaces). */
    public static Set<InetAddress> interfaceAddresses() {
        try {
            return NetworkInterface.networkInterfaces()
                    .flatMap(n -> Stream.concat(Stream.of(n), n.subInterfaces()))
                    .flatMap(NetworkInterface::inetAddresses).collect(Collectors.toSet());
        } catch (SocketException e) {
            // without the list, nothing can be told apart from this server's own addresses: refuse every address
            throw new IllegalStateException("cannot list this server's network interfaces", e);
        }
    }

    /** Why a webhook may not go to the address, or empty when it may. */
    public Optional<Kind> refusal(InetAddress address) {
        byte[] bytes = address.getAddress();
        Optional<byte[]> ipv4 = embeddedIpv4(bytes);
        Set<ByteBuffer> own = ownAddresses.get().stream().map(a -> ByteBuffer.wrap(a.getAddress()))
                .collect(Collectors.toSet());
        if (own.contains(ByteBuffer.wrap(bytes)) || ipv4.filter(v4 -> own.contains(ByteBuffer.wrap(v4))).isPresent()) {
            return Optional.of(Kind.OWN);
        }
        if (bytes.length == 4) {
            return kindOf(IPV4, bytes);
        }
        Optional<Kind> exact = kindOf(IPV6_EXACT, bytes);
        if (exact.isPresent()) {
            return exact;
        }
        if (ipv4.isPresent()) {
            Optional<Kind> carried = kindOf(IPV4, ipv4.get());
            // the NAT64 well-known prefix reaches the public IPv4 address it carries; every other carrier is refused
            return carried.isPresent() || NAT64.contains(bytes) ? carried : Optional.of(Kind.SPECIAL);
        }
        Optional<Kind> special = kindOf(IPV6, bytes);
        return special.isPresent() || GLOBAL_UNICAST.contains(bytes) ? special : Optional.of(Kind.SPECIAL);
    }

    /**
     * The IPv4 address an IPv6 address carries: IPv4-mapped (::ffff:0:0/96), IPv4-compatible (::/96),
     * SIIT-translated (::ffff:0:0:0/96), NAT64 (64:ff9b::/96, and 64:ff9b:1::/48 read as a /96), 6to4 (2002::/16,
     * bits 16-47) or Teredo (2001::/32: the client's address, inverted, in the last 32 bits; the server's in bits
     * 32-63, judged when the client's is public). Empty for an IPv4 address or one that carries none.
     */
    static Optional<byte[]> embeddedIpv4(byte[] a) {
        if (a.length != 16) {
            return Optional.empty();
        }
        boolean firstEightZero = allZero(a, 0, 8);
        boolean mapped = firstEightZero && a[8] == 0 && a[9] == 0 && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff;
        boolean compatible = firstEightZero && allZero(a, 8, 12);
        boolean translated = firstEightZero && (a[8] & 0xff) == 0xff && (a[9] & 0xff) == 0xff && a[10] == 0
                && a[11] == 0;
        boolean nat64 = a[0] == 0 && a[1] == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b
                && (allZero(a, 4, 12) || (a[4] == 0 && a[5] == 1));
        if (mapped || compatible || translated || nat64) {
            return Optional.of(slice(a, 12));
        }
        if (a[0] == 0x20 && a[1] == 0x02) {
            return Optional.of(slice(a, 2));
        }
        if (a[0] == 0x20 && a[1] == 0x01 && a[2] == 0 && a[3] == 0) {
            byte[] client = slice(a, 12);
            for (int i = 0; i < 4; i++) {
                client[i] = (byte) ~client[i];
            }
            return kindOf(IPV4, client).isPresent() ? Optional.of(client) : Optional.of(slice(a, 4));
        }
        return Optional.empty();
    }

    private static Optional<Kind> kindOf(List<Block> blocks, byte[] address) {
        return blocks.stream().filter(b -> b.contains(address)).map(Block::kind).findFirst();
    }

    private static boolean allZero(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] slice(byte[] a, int from) {
        byte[] v4 = new byte[4];
        System.arraycopy(a, from, v4, 0, 4);
        return v4;
    }

    private static Block block(String cidr, Kind kind) {
        int slash = cidr.indexOf('/');
        try {
            return new Block(InetAddress.getByName(cidr.substring(0, slash)).getAddress(),
                    Integer.parseInt(cidr.substring(slash + 1)), kind);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(cidr, e);
        }
    }
}
