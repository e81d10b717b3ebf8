package jp.tsumugi.ui.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.prescription.print.DocumentKind;
import jp.tsumugi.app.security.Session;
import jp.tsumugi.print.GlyphWarning;
import jp.tsumugi.print.RenderedDocument;
import jp.tsumugi.ui.composition.AppServices;
import jp.tsumugi.ui.composition.DataLocations;
import jp.tsumugi.ui.print.PrescriptionPrintActions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * `tsumugi rx print --visit ID --kind slip|copy|info --out FILE.pdf` (docs/adr/0032): writes the document of the visit's signed
 * prescription. Characters the font cannot show are printed as 〓 and listed on stderr (field and code point only). Exit 0
 * written, 1 an error with a TSU code.
 */
@Command(name = "print", mixinStandardHelpOptions = true,
    description = "Write a prescription document as PDF: the 院外処方箋 (slip), the patient's copy (copy) or the 薬剤情報提供書 (info).")
public final class RxPrintCommand implements Callable<Integer> {
  private final CliEnvironment environment;
  private final DataLocations locations;
  @Mixin StoreOptions store;
  @Mixin AuthOptions auth;
  @Option(names = "--visit", required = true, description = "The visit (受付) id") long visitId;
  @Option(names = "--kind", required = true, paramLabel = "slip|copy|info", description = "Which document") String kind;
  @Option(names = "--out", required = true, paramLabel = "FILE.pdf", description = "The PDF file to write") Path out;

  public RxPrintCommand(CliEnvironment environment, DataLocations locations) {
    this.environment = environment;
    this.locations = locations;
  }

  @Override
  public Integer call() throws IOException {
    DocumentKind k = DocumentKind.byCliName(kind)
        .orElseThrow(() -> new TsumugiException(ErrorCode.RX_PRINT_KIND_UNKNOWN, "kind length " + kind.length()));
    try (AppServices services = store.opener(environment, locations, false).open()) {
      Session session = auth.login(services, environment);
      PrescriptionPrintActions.Output output = PrescriptionPrintActions.render(services, session, visitId, k);
      RenderedDocument doc = output.document();
      Path target = out.toAbsolutePath();
      Path tmp = Files.createTempFile(target.getParent(), ".tsumugi-rx", ".pdf");
      Files.write(tmp, doc.pdf());
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      services.prescriptionDocuments().recordOutput(session, output.patientId(), visitId, k, "file", doc.pages(), doc.warnings().size());
      for (GlyphWarning w : doc.warnings()) {
        environment.err().println("warning: character not in the font, printed as 〓: " + w);
      }
      environment.out().println(k.cliName() + ": " + doc.pages() + " page(s) written to " + target
          + (doc.warnings().isEmpty() ? "" : " (" + doc.warnings().size() + " character(s) substituted)"));
      return 0;
    }
  }
}
