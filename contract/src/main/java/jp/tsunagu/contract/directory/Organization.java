package jp.tsunagu.contract.directory;

/** HSDS {@code organization}: the body that runs one or more sites (a 社会福祉法人, the city itself …). */
public record Organization(String id, String name, String description) {
}
