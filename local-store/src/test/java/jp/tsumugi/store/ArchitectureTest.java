package jp.tsumugi.store;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** local-store's rules (architecture.md, modules; practices: package-private adapters). */
@AnalyzeClasses(packages = "jp.tsumugi.store", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  @ArchTest
  static final ArchRule storeDependsOnAppOnly = noClasses().should().dependOnClassesThat()
      .resideInAnyPackage("jp.tsumugi.ui..", "jp.tsumugi.sync..", "jp.tsumugi.print..", "javafx..")
      .because("local-store implements app's ports and knows no other module (architecture.md, modules)");

  @ArchTest
  static final ArchRule adaptersArePackagePrivate = classes().that().haveSimpleNameStartingWith("Jdbc")
      .should().notBePublic()
      .because("callers reach the store through app's ports; only LocalStore is the public entry (practices.md)");
}
