package jp.tsumugi.print;

/**
 * One drawn line of flowing content: already safe text, its left offset, size, weight and the space it takes.
 *
 * @param indentMm offset from the content's left edge
 * @param text safe text
 * @param points font size
 * @param heavy bold
 * @param heightMm vertical space taken (the baseline sits at its bottom minus a fifth)
 * @param noSubstitution mark in the 変更不可 column (slip only)
 * @param patientRequest mark in the 患者希望 column (slip only)
 * @param label drawn bold at the left edge (the Rp number), '' for none
 */
record FlowLine(float indentMm, String text, float points, boolean heavy, float heightMm, boolean noSubstitution,
    boolean patientRequest, String label) {
  static FlowLine of(float indentMm, String text, float points, boolean heavy, float heightMm) {
    return new FlowLine(indentMm, text, points, heavy, heightMm, false, false, "");
  }

  FlowLine marked(boolean noSub, boolean wish) {
    return new FlowLine(indentMm, text, points, heavy, heightMm, noSub, wish, label);
  }

  FlowLine labelled(String newLabel) {
    return new FlowLine(indentMm, text, points, heavy, heightMm, noSubstitution, patientRequest, newLabel);
  }

  /** The same line at another size and height. */
  FlowLine resized(String newText, float newPoints, float newHeight) {
    return new FlowLine(indentMm, newText, newPoints, heavy, newHeight, noSubstitution, patientRequest, label);
  }
}
