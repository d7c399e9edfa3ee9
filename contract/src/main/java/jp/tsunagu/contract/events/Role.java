package jp.tsunagu.contract.events;

/** 役割分担: which agency does what for a case. */
public record Role(String agencyId, String responsibility) {
}
