package jp.tsumugi.sync;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** sync depends on app only (architecture.md, modules). */
@AnalyzeClasses(packages = "jp.tsumugi.sync", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  @ArchTest
  static final ArchRule syncDependsOnAppOnly = noClasses().should().dependOnClassesThat()
      .resideInAnyPackage("jp.tsumugi.store..", "jp.tsumugi.print..", "jp.tsumugi.ui..", "javafx..", "java.sql..")
      .because("sync crosses the network through app's ports; the outbox table belongs to local-store (architecture.md)");
}
