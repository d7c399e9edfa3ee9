package jp.tsunagu.support.problem;

/** One bad field of a request: {@code field} is a JSON path such as {@code person.area} or {@code household[1].relation}. */
public record FieldError(String field, String message) {
}
