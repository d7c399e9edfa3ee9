package jp.tsunagu.intake.importing.sheet;

/** The two kinds of file a city's list arrives in. */
public enum SheetFormat { XLSX, CSV }
