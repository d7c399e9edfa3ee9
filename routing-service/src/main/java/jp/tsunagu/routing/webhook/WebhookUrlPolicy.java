package jp.tsunagu.routing.webhook;

import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.problem.FieldError;

import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which webhook URLs Tsunagu will call (server-side request forgery, OWASP API7): http(s) only, https required in
 * production, no credentials in the URL, and no host that resolves to an address {@link PublicAddresses} refuses
 * (this server's own, and every special-purpose block: loopback, private, link-local, documentation, …) unless the city
 * allow-listed it. Checked when a subscription is made and again before every attempt, and the attempt then connects
 * to the very address checked (a name may resolve elsewhere a moment later: DNS rebinding). Resolving a name asks the
 * resolver; it never connects. Refusals name the kind of address, never the URL, host or address sent.
 */
public final class WebhookUrlPolicy {

    /** Looks a host name up; tests give a fixed table. */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /**
     * A checked URL and the address to connect to: the one checked, so a second lookup cannot lead elsewhere (null
     * for an allow-listed host, which is connected to by its name).
     */
    public record Target(URI uri, InetAddress address) {
    }

    private final Set<String> allowed;
    /** The allow-listed hosts that are addresses: a name resolving only to them is allowed too (and pinned). */
    private final Set<ByteBuffer> allowedAddresses;
    private final boolean requireHttps;
    private final Resolver resolver;
    private final PublicAddresses addresses;

    public WebhookUrlPolicy(List<String> allowedHosts, boolean requireHttps, Resolver resolver,
                            PublicAddresses addresses) {
        this.allowed = allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.allowedAddresses = allowed.stream().map(WebhookUrlPolicy::literal).flatMap(Optional::stream)
                .map(a -> ByteBuffer.wrap(a.getAddress())).collect(Collectors.toSet());
        this.requireHttps = requireHttps;
        this.resolver = resolver;
        this.addresses = addresses;
    }

    /** The URL, checked; a refusal is a 400 naming the field {@code url}. */
    public URI check(String url) {
        return target(url).uri();
    }

    /** The URL, checked, with the address an attempt connects to; a refusal is a 400 naming the field {@code url}. */
    public Target target(String url) {
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
            return new Target(uri, null);
        }
        InetAddress[] resolved;
        try {
            resolved = resolver.resolve(IDN.toASCII(host));
        } catch (UnknownHostException | IllegalArgumentException e) {
            throw refuse("its host cannot be resolved");
        }
        if (resolved.length == 0) {
            throw refuse("its host cannot be resolved");
        }
        // every address the name has must be public: a client may pick any of them
        for (InetAddress a : resolved) {
            if (allowedAddresses.contains(ByteBuffer.wrap(a.getAddress()))) {
                continue;
            }
            addresses.refusal(a).ifPresent(kind -> {
                throw refuse("its host is " + kind.english() + ": webhooks go to the agency's public endpoint");
            });
        }
        return new Target(uri, resolved[0]);
    }

    /** An IP address written out (parsed without asking any resolver), or empty for a name. */
    private static Optional<InetAddress> literal(String host) {
        if (!host.matches("\\d{1,3}(\\.\\d{1,3}){3}|[0-9a-f:.]*:[0-9a-f:.]*")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(host));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static ApiProblem refuse(String message) {
        return ApiProblem.validation(List.of(new FieldError("url", message)));
    }
}
