package jp.tsunagu.contract.events;

/** Why a decision was taken: the rule that fired, explained for staff in Japanese and for integrators in English. */
public record Reason(String rule, String detailJa, String detailEn) {
}
