package jp.tsumugi.app.master.search;

import jp.tsumugi.app.master.ModifierPosition;

import java.util.Objects;

/** A 修飾語 as disease-name composition needs it: its 4-digit code, its name and its position. */
public record DiseaseModifier(String code, String name, ModifierPosition position) {
  public DiseaseModifier {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(position, "position");
  }
}
