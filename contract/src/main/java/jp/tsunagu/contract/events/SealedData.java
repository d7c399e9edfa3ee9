package jp.tsunagu.contract.events;

/**
 * Personal fields encrypted with the case's own data key (AES-256-GCM). Only intake-service holds the keys; every
 * other reader sees ciphertext. Deleting the case's key erases the person from every copy of the log
 * (crypto-shredding).
 *
 * @param alg        always {@code A256GCM} for now
 * @param keyId      which data key: {@code case/<caseId>/<n>}
 * @param nonce      96-bit GCM nonce, base64
 * @param ciphertext ciphertext with the GCM tag, base64; the additional authenticated data is the case id
 */
public record SealedData(String alg, String keyId, String nonce, String ciphertext) {
}
