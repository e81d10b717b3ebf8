package jp.tsumugi.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The ui module's own rules (architecture.md, decision 9 and the MVVM habit). */
@AnalyzeClasses(packages = "jp.tsumugi.ui", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  @ArchTest
  static final ArchRule viewModelsDoNotTouchNodes = noClasses().that().haveSimpleNameEndingWith("ViewModel")
      .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
      .because("ViewModels hold state and logic only; Views bind to them (architecture.md, decision 9)");

  @ArchTest
  static final ArchRule viewModelsDoNotUseJdbc = noClasses().that().resideInAPackage("jp.tsumugi.ui..")
      .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.h2..", "org.flywaydb..")
      .because("the UI reaches data only through app's use cases; local-store owns JDBC (architecture.md, modules)");
}
