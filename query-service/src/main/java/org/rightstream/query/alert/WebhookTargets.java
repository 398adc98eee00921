package org.rightstream.query.alert;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Where webhooks may go. A watch's webhook URL is typed by whoever may edit the watchlist, and the service
 * posts to it from inside the network: without this check it could be pointed at Elasticsearch, the
 * actuator or a cloud metadata address (server-side request forgery). Hosts that resolve to loopback,
 * private, link-local, carrier-grade NAT, unique-local or multicast addresses are refused, unless private
 * targets are explicitly allowed (a receiver on the same machine during development).
 */
public final class WebhookTargets {
    private final boolean allowPrivate;

    public WebhookTargets(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Why the URL may not receive webhooks, or empty when it may. A host that does not resolve now is allowed. */
    public Optional<String> refusal(URI url) {
        if (allowPrivate || url == null || url.getHost() == null) {
            return Optional.empty();
        }
        String host = url.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException | SecurityException e) {
            return Optional.empty();
        }
        for (InetAddress a : addresses) {
            if (isInternal(a)) {
                return Optional.of("'" + url.getHost() + "' is an internal address (" + a.getHostAddress()
                        + "); webhooks go to public hosts only (rightstream.alerts.webhook-allow-private-addresses)");
            }
        }
        return Optional.empty();
    }

    static boolean isInternal(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 // "this network"
                    || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT, 100.64.0.0/10
                    || (first == 198 && (second == 18 || second == 19)); // benchmarking, 198.18.0.0/15
        }
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // unique local, fc00::/7
        }
        return false;
    }
}
