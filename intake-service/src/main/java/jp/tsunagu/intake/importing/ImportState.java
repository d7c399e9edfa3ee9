package jp.tsunagu.intake.importing;

/** Where an import (取込) is, with the words a coordinator reads. */
public enum ImportState {
    CHECKING("確認中"),
    CHECKED("確認済み（問題なし）"),
    CHECK_FAILED("問題あり"),
    IMPORTING("取込中"),
    DONE("取込完了"),
    REFUSED("読めないファイル"),
    /** Stopped by a restart of the service. */
    INTERRUPTED("中断（同じファイルをもう一度取り込むと続きから取り込みます）"),
    /** Stopped by a failure while the service ran on (the database or Kafka, or out of memory): rows written stay. */
    FAILED("失敗（もう一度取り込んでください）");

    private final String label;

    ImportState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Still running: at most one per city at a time; left like this by a restart it becomes INTERRUPTED. */
    public boolean running() {
        return this == CHECKING || this == IMPORTING;
    }

    /**
     * The label of a job whose report this replica no longer holds (a restart, or an older job): the problems were
     * only ever in memory.
     */
    public String labelWithoutReport() {
        return this == CHECKED || this == CHECK_FAILED || this == DONE
                ? label + "（問題の一覧は保存していません。一覧が必要なら同じファイルをもう一度確認してください）"
                : label;
    }
}
