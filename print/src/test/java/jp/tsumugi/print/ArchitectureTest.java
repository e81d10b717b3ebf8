package jp.tsumugi.print;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** print depends on app only (architecture.md, modules). */
@AnalyzeClasses(packages = "jp.tsumugi.print", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  @ArchTest
  static final ArchRule printDependsOnAppOnly = noClasses().should().dependOnClassesThat()
      .resideInAnyPackage("jp.tsumugi.store..", "jp.tsumugi.sync..", "jp.tsumugi.ui..", "javafx..", "java.sql..")
      .because("print renders documents from app's records; the composition root in ui wires it (architecture.md)");
}
