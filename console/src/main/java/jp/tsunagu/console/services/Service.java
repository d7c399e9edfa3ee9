package jp.tsunagu.console.services;

/** The services the console calls, named as a person reading an error page knows them. */
public enum Service {
    INTAKE("受付・案件サービス（intake-service）"),
    ROUTING("つなぎ・受信箱サービス（routing-service）"),
    MEETING("会議サービス（meeting-service）"),
    PLANNING("プランサービス（planning-service）"),
    REPORTING("集計サービス（reporting-service）"),
    IDENTITY("サインイン（認証基盤）");

    private final String labelJa;

    Service(String labelJa) {
        this.labelJa = labelJa;
    }

    public String labelJa() {
        return labelJa;
    }
}
