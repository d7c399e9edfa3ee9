package jp.tsunagu.infra.identity;

/**
 * Which realm to make. LOCAL adds what only a developer's machine may have: the {@code tsunagu-local-*} clients,
 * client secrets kept in files under the run's home, and demo users with known passwords. PRODUCTION has none of them:
 * Keycloak generates the secrets and a city's administrator adds the people.
 */
public enum Profile {
    LOCAL, PRODUCTION;

    public static Profile parse(String text) {
        return switch (text) {
            case "local" -> LOCAL;
            case "production" -> PRODUCTION;
            default -> throw new IllegalArgumentException("--profile takes local or production, not " + text);
        };
    }
}
