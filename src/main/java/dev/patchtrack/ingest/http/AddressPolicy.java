package dev.patchtrack.ingest.http;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which addresses a production instance never fetches from: loopback, private (RFC 1918 and IPv6
 * unique-local), link-local (cloud metadata services live there), carrier-grade NAT, wildcard and
 * multicast. An allowed host name that resolves to any of them is refused, so a DNS entry pointed
 * inwards cannot turn a source into a probe of the internal network.
 */
public final class AddressPolicy {

    private AddressPolicy() {
    }

    /** True when {@code address} is not a public unicast address. */
    public static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0                                   // "this network"
                    || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT 100.64/10
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || first >= 240;                            // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return true; // unique-local fc00::/7
            }
            boolean v4mapped = true;
            for (int i = 0; i < 10; i++) {
                v4mapped &= b[i] == 0;
            }
            if (v4mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isPrivate(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * True when {@code host} (a name or a literal address) resolves to any non-public address. A
     * name that does not resolve is not refused here: fetching it fails on its own.
     */
    public static boolean resolvesPrivate(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            for (InetAddress a : InetAddress.getAllByName(h)) {
                if (isPrivate(a)) {
                    return true;
                }
            }
            return false;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
