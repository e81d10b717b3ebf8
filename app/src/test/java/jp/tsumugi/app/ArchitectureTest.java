package jp.tsumugi.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** The core's rules (architecture.md, modules and decision 3). The pom has no such dependency either. */
@AnalyzeClasses(packages = "jp.tsumugi.app", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  @ArchTest
  static final ArchRule coreIsPureJava = noClasses().should().dependOnClassesThat()
      .resideInAnyPackage("javafx..", "java.sql..", "javax.sql..", "org.h2..", "org.flywaydb..", "org.postgresql..",
          "ca.uhn..", "org.hl7..", "org.apache.pdfbox..", "okhttp3..", "org.bouncycastle..", "java.net.http..")
      .because("app/ is the pure core: no UI, persistence, FHIR, PDF, HTTP or crypto-provider library "
          + "(architecture.md, modules; practices.md habit 1)");

  @ArchTest
  static final ArchRule coreKnowsNoAdapterModule = noClasses().should().dependOnClassesThat()
      .resideInAnyPackage("jp.tsumugi.store..", "jp.tsumugi.sync..", "jp.tsumugi.print..", "jp.tsumugi.ui..")
      .because("dependencies point into the core; adapters implement its ports (architecture.md, modules)");

  @ArchTest
  static final ArchRule prescribingNeverTouchesTheNetwork = noClasses().that().resideInAPackage("jp.tsumugi.app.prescription..")
      .should().dependOnClassesThat().resideInAnyPackage("java.net..", "javax.net..", "java.nio.channels..", "okhttp3..",
          "jp.tsumugi.sync..", "jp.tsumugi.app.outbox..", "jp.tsumugi.app.qualification..")
      .because("prescribing and its safety check behave the same with every network down (issue 6 acceptance 3, docs/adr/0033)");

  @ArchTest
  static final ArchRule nowComesFromAnInjectedClock = noClasses().should()
      .callMethod(LocalDate.class, "now").orShould().callMethod(LocalDateTime.class, "now")
      .orShould().callMethod(Instant.class, "now")
      .because("everything that reads 'now' takes a java.time.Clock (architecture.md, decision 3)");
}
