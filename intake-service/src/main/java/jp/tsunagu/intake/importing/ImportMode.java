package jp.tsunagu.intake.importing;

/** CHECK: a dry run (確認だけ), nothing written but the audit; IMPORT: the cases are written (取込). */
public enum ImportMode {
    CHECK, IMPORT
}
