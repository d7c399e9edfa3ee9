package jp.tsunagu.infra.identity;

/**
 * Talking to the identity provider failed in a way a person must act on; the message is one line, Japanese and then
 * English, naming what was tried and what Keycloak answered.
 */
public final class IdentityFailure extends RuntimeException {
    public IdentityFailure(String message) {
        super(message);
    }
}
