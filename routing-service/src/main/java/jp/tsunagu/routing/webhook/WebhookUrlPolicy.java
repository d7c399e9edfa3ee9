package jp.tsunagu.routing.webhook;

import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.problem.FieldError;

import java.net.IDN;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which webhook URLs Tsunagu will call (server-side request forgery, OWASP API7): http(s) only, https required in
 * production, no credentials in the URL, and no host that resolves to a loopback, private, link-local, carrier-grade
 * NAT, multicast or unspecified address unless the city allow-listed it. Checked when a subscription is made and
 * again before every attempt (a name may resolve elsewhere later). Resolving a name asks the DNS resolver; it
 * never connects to the address.
 */
public final class WebhookUrlPolicy {

    /** Looks a host name up; tests give a fixed table. */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Set<String> allowed;
    private final boolean requireHttps;
    private final Resolver resolver;

    public WebhookUrlPolicy(List<String> allowedHosts, boolean requireHttps, Resolver resolver) {
        this.allowed = allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.requireHttps = requireHttps;
        this.resolver = resolver;
    }

    /** The URL, checked; a refusal is a 400 naming the field {@code url}. */
    public URI check(String url) {
        if (url == null || url.isBlank()) {
            throw refuse("required: an https URL");
        }
        if (url.length() > 2000) {
            throw refuse("at most 2000 characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw refuse("not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw refuse("must be an https URL");
        }
        if (requireHttps && !scheme.equals("https")) {
            throw refuse("must be https");
        }
        if (uri.getRawUserInfo() != null) {
            throw refuse("must not carry a user name or password");
        }
        if (uri.getHost() == null) {
            throw refuse("has no host");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (allowed.contains(host)) {
            return uri;
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(IDN.toASCII(host));
        } catch (UnknownHostException | IllegalArgumentException e) {
            throw refuse("its host " + host + " cannot be resolved");
        }
        for (InetAddress a : addresses) {
            String why = internal(a);
            if (why != null) {
                throw refuse("its host " + host + " is " + why + " (" + a.getHostAddress()
                        + "): webhooks go to the agency's public endpoint");
            }
        }
        return uri;
    }

    /** Why the address is not a public one, or null when it is. */
    static String internal(InetAddress a) {
        if (a.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (a.isAnyLocalAddress()) {
            return "an unspecified address";
        }
        if (a.isLinkLocalAddress()) {
            return "a link-local address";
        }
        if (a.isSiteLocalAddress()) {
            return "a private address";
        }
        if (a.isMulticastAddress()) {
            return "a multicast address";
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 100 && second >= 64 && second <= 127) {
                return "a carrier-grade NAT address";
            }
            if (first == 0 || first >= 240) {
                return "a reserved address";
            }
        }
        if (a instanceof Inet6Address && (b[0] & 0xfe) == 0xfc) {
            return "a private (unique local) address";
        }
        return null;
    }

    private static ApiProblem refuse(String message) {
        return ApiProblem.validation(List.of(new FieldError("url", message)));
    }
}
