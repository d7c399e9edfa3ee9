package jp.tsunagu.infra.identity;

/** The secrets a LOCAL realm carries, stable across runs so a re-run realm and the files agree. */
public interface LocalSecrets {

    /** The secret of a confidential client. */
    String clientSecret(String realm, String clientId);

    /** The password of a demo user; satisfies the realm's password policy. */
    String demoPassword(String realm, String username);
}
