package jp.tsumugi.app.insurance;

/** A 公費 as typed: numbers, validity dates in any {@link jp.tsumugi.app.common.Wareki} form, 月額上限 in yen ("" for none). */
public record PublicExpenseForm(String payerNumber, String recipientNumber, String validFrom, String validTo, String monthlyCapYen) {
}
