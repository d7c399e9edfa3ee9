package jp.tsunagu.contract.codes;

/** What a person or household member is troubled by (a referral's {@code concerns}). */
public enum Concern implements Coded {
    DEMENTIA("認知症"),
    ELDER_CARE("介護"),
    DISABILITY("障害（診断又は疑い）"),
    MENTAL_HEALTH("精神的な不調"),
    CHILD_REARING("子育て"),
    PREGNANCY("妊娠・出産"),
    YOUNG_CARER("ヤングケアラー"),
    CHILD_ABUSE("児童虐待"),
    ELDER_ABUSE("高齢者虐待"),
    DOMESTIC_VIOLENCE("配偶者等からの暴力（DV）"),
    HIKIKOMORI("ひきこもり"),
    EIGHTY_FIFTY("8050問題"),
    DOUBLE_CARE("ダブルケア"),
    POVERTY("生活困窮"),
    DEBT("債務"),
    UNEMPLOYMENT("失業"),
    HOUSING("住まい"),
    HOARDING("ごみ屋敷"),
    ANIMAL_HOARDING("多頭飼育"),
    ADDICTION("依存症"),
    ISOLATION("社会的孤立"),
    OTHER("その他");

    private final String label;

    Concern(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
