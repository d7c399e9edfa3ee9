package jp.tsunagu.support.problem;

/** What kind of problem a document is: its status, its slug ({@code /problems/<slug>}) and its title. */
public record ProblemType(int status, String slug, String title) {
}
