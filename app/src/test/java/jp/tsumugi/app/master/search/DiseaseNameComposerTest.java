package jp.tsumugi.app.master.search;

import jp.tsumugi.app.master.ModifierPosition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Composition over the real 傷病名 (b_20240601) and 修飾語 (z_20250601) masters. */
class DiseaseNameComposerTest {
  private static Map<String, SearchEntry> diseases;
  private static Map<String, DiseaseModifier> modifiers;
  private static DiseaseNameComposer composer;

  @BeforeAll
  static void loadRealMasters() {
    MasterFiles files = MasterFiles.locate();
    List<SearchEntry> b = files.diseases();
    List<DiseaseModifier> z = files.diseaseModifiers();
    diseases = b.stream().collect(Collectors.toMap(SearchEntry::code, Function.identity(), (x, y) -> x));
    modifiers = z.stream().collect(Collectors.toMap(DiseaseModifier::code, Function.identity(), (x, y) -> x));
    composer = new DiseaseNameComposer(b, z);
  }

  @Test
  void rightPlusKneeOsteoarthritisKeepsModifier2056BesideTheDiseaseCode() {
    SearchEntry knee = diseases.get("7153018");
    assertThat(knee.name()).isEqualTo("変形性膝関節症");

    ComposedDisease composed = composer.compose(knee, List.of(modifiers.get("2056")));

    assertThat(composed).isEqualTo(new ComposedDisease("右変形性膝関節症", "7153018", List.of("2056")));
    assertThat(composed.singleCode()).isFalse();
  }

  @Test
  void acutePlusGastroenteritisResolvesToTheMastersOwnAcuteGastroenteritis() {
    SearchEntry gastroenteritis = diseases.get("0091005");
    assertThat(gastroenteritis.name()).isEqualTo("胃腸炎");

    ComposedDisease composed = composer.compose(gastroenteritis, List.of(modifiers.get("4012")));

    assertThat(composed).isEqualTo(new ComposedDisease("急性胃腸炎", "0091009", List.of()));
    assertThat(composed.singleCode()).isTrue();
  }

  @Test
  void onlyTheModifiersNextToTheDiseaseAreAbsorbedIntoASingleCode() {
    ComposedDisease composed = composer.compose(diseases.get("0091005"), List.of(modifiers.get("2056"), modifiers.get("4012")));

    assertThat(composed).isEqualTo(new ComposedDisease("右急性胃腸炎", "0091009", List.of("2056")));
  }

  @Test
  void suffixGoesAfterTheNameAndPrefixesBefore() {
    ComposedDisease composed = composer.compose(diseases.get("8830417"), List.of(modifiers.get("8002"), modifiers.get("2056")));

    assertThat(composed).isEqualTo(new ComposedDisease("右胃炎の疑い", "8830417", List.of("2056", "8002")));
  }

  @Test
  void typedTextIsReadAsPrefixModifiersAndAMasterDisease() {
    assertThat(composer.parse("右膝関節症")).contains(new ComposedDisease("右膝関節症", "7169033", List.of("2056")));
    assertThat(composer.parse("急性胃腸炎")).contains(new ComposedDisease("急性胃腸炎", "0091009", List.of()));
    assertThat(composer.parse("胃炎の疑い")).contains(new ComposedDisease("胃炎の疑い", "8830417", List.of("8002")));
    assertThat(composer.parse("これは病名ではない")).isEmpty();
  }

  @Test
  void rejectsMoreThanTwentyModifiers() {
    List<DiseaseModifier> many = Collections.nCopies(21, modifiers.get("2056"));

    assertThatThrownBy(() -> composer.compose(diseases.get("8830417"), many))
        .isInstanceOfSatisfying(TsumugiException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.DISEASE_MODIFIERS_TOO_MANY));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(textBlock = """
      # z_20250601: 2056 右 is A2 (位置), 4012 急性 is A4 (経過), 8002 の疑い is A8
      A2000000, PREFIX
      A4000000, PREFIX
      A1000000, PREFIX
      A7000000, PREFIX
      A8000000, SUFFIX
      """)
  void modifierCategoryGivesThePosition(String category, ModifierPosition expected) {
    assertThat(ModifierPosition.fromCategory(category)).isEqualTo(expected);
  }

  @Test
  void realModifiersHaveTheirDocumentedPositions() {
    assertThat(modifiers.get("2056").position()).isEqualTo(ModifierPosition.PREFIX);
    assertThat(modifiers.get("4012").position()).isEqualTo(ModifierPosition.PREFIX);
    assertThat(modifiers.get("8002").position()).isEqualTo(ModifierPosition.SUFFIX);
    assertThat(modifiers.values()).filteredOn(m -> m.position() == ModifierPosition.SUFFIX)
        .allMatch(m -> m.code().startsWith("8"));
  }

  @Test
  void unknownCategoryIsRejectedWithItsOwnCode() {
    assertThatThrownBy(() -> ModifierPosition.fromCategory("B9000000"))
        .isInstanceOfSatisfying(TsumugiException.class,
            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.MODIFIER_CATEGORY_UNKNOWN));
  }
}
