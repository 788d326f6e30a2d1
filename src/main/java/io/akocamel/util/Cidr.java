package io.akocamel.util;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * A CIDR such as {@code 10.10.10.0/24} or {@code fd00:10::/64}: an IPv4 or IPv6 address literal and a prefix length.
 * Parsing is strict (a dotted quad, or an IPv6 literal, then {@code /n} within the family's bits) and never looks a
 * name up in DNS. The address keeps its text as written, so a body built from it shows what the user configured.
 */
public final class Cidr {
    private final String address;
    private final byte[] bytes;
    private final int prefixLength;

    private Cidr(String address, byte[] bytes, int prefixLength) {
        this.address = address;
        this.bytes = bytes;
        this.prefixLength = prefixLength;
    }

    /** The CIDR of {@code text}, or empty when it is not one. */
    public static Optional<Cidr> parse(String text) {
        int slash = text.indexOf('/');
        if (slash <= 0) {
            return Optional.empty();
        }
        String address = text.substring(0, slash);
        String length = text.substring(slash + 1);
        byte[] bytes = literal(address);
        if (bytes == null || !length.matches("\\d{1,3}")) {
            return Optional.empty();
        }
        int bits = Integer.parseInt(length);
        return bits > bytes.length * 8 ? Optional.empty() : Optional.of(new Cidr(address, bytes, bits));
    }

    /** The address part as written. */
    public String address() {
        return address;
    }

    public int prefixLength() {
        return prefixLength;
    }

    public boolean isIPv6() {
        return bytes.length == 16;
    }

    /** Whether two texts are CIDRs of the same subnet (host bits ignored); false when either is not a CIDR. */
    public static boolean sameSubnet(String a, String b) {
        Optional<Cidr> left = parse(a);
        Optional<Cidr> right = parse(b);
        return left.isPresent() && right.isPresent() && left.get().sameSubnet(right.get());
    }

    /** Whether both denote the same subnet: same family, prefix length and network bits (host bits ignored). */
    public boolean sameSubnet(Cidr other) {
        return prefixLength == other.prefixLength && Arrays.equals(network(), other.network());
    }

    /** The address with its host bits cleared. */
    private byte[] network() {
        byte[] network = bytes.clone();
        for (int i = 0; i < network.length; i++) {
            int keep = Math.max(0, Math.min(8, prefixLength - i * 8));
            network[i] &= (byte) (0xFF << (8 - keep));
        }
        return network;
    }

    /** The bytes of an IPv4 or IPv6 literal, null for anything else. */
    private static byte[] literal(String address) {
        if (address.contains(":")) {
            if (!address.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
                return null;
            }
            try {
                // a bracketed literal is parsed, never resolved
                return InetAddress.getByName("[" + address + "]").getAddress();
            } catch (UnknownHostException e) {
                return null;
            }
        }
        String[] octets = address.split("\\.", -1);
        if (octets.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (!octets[i].matches("\\d{1,3}") || Integer.parseInt(octets[i]) > 255) {
                return null;
            }
            bytes[i] = (byte) Integer.parseInt(octets[i]);
        }
        return bytes;
    }

    @Override
    public String toString() {
        return address + "/" + prefixLength;
    }
}
