package jp.tsunagu.contract.identity;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Which issuer speaks for which municipality: a token counts for a municipality only if that municipality's own realm
 * issued it, so a token of one city's realm can never be read as another city's, whatever its claims say. The
 * services verify tokens by it and the console signs people in at the realm it names.
 */
public final class Issuers {

    private static final String PLACEHOLDER = "{municipality}";

    private final Optional<String> template;
    private final Pattern templatePattern;
    private final Map<String, String> named;

    public Issuers(Optional<String> template, Map<String, String> named) {
        this.template = template.filter(t -> !t.isBlank());
        this.templatePattern = this.template.map(t -> {
            if (!t.contains(PLACEHOLDER)) {
                throw new IllegalArgumentException("tsunagu.identity.issuer must contain " + PLACEHOLDER + ": " + t);
            }
            return Pattern.compile(Pattern.quote(t).replace(PLACEHOLDER, "\\E(\\d{6})\\Q"));
        }).orElse(null);
        this.named = new TreeMap<>(named);
    }

    /** The municipality whose realm {@code iss} is; empty for any other issuer. */
    public Optional<String> municipalityOf(String iss) {
        if (iss == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, String> e : named.entrySet()) {
            if (e.getValue().equals(iss)) {
                return Optional.of(e.getKey());
            }
        }
        if (templatePattern != null) {
            var m = templatePattern.matcher(iss);
            if (m.matches() && !named.containsKey(m.group(1))) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    /** The issuer that speaks for {@code municipality}, if any is configured. */
    public Optional<String> issuerOf(String municipality) {
        if (named.containsKey(municipality)) {
            return Optional.of(named.get(municipality));
        }
        return template.map(t -> t.replace(PLACEHOLDER, municipality));
    }

    public boolean any() {
        return template.isPresent() || !named.isEmpty();
    }
}
