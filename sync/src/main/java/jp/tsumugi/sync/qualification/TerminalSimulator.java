package jp.tsumugi.sync.qualification;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;

/**
 * A stand-in for the clinic's 資格確認端末 in the demo ("national services simulated", docs/adr/0023): it
 * answers every request that appears in {@code req/} with a result in {@code res/} under the matching
 * name, from a {@link Registry} of the cards the simulated national side knows. A known card with the
 * request's birth date is 有効 with what the registry holds; anything else is 該当資格なし; a request it
 * cannot read gets an 異常終了 answer. Answered requests move to {@code req/answered/}, so a restart does
 * not answer them twice. Results are written beside their final name as a dot-file and moved in whole,
 * so the inbox never sees half a file. Never used against a real terminal's folder.
 */
public final class TerminalSimulator implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(TerminalSimulator.class.getName());
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");
  /** Requests are a few hundred bytes; anything larger is not one. */
  private static final long MAX_REQUEST_BYTES = 64 * 1024;

  /** A card as the national qualification database reports it (insurer number as 6 or 8 digits). */
  public record Card(String insurerNumber, String symbol, String number, String branch, boolean insured, LocalDate validFrom,
      LocalDate validTo, String name, String kana, String sexCode, LocalDate birthDate, String postalCode, String address,
      int elderlyRecipientTenths, int lateElderlyTenths, String limitCategoryCode) {
    public Card {
      Objects.requireNonNull(insurerNumber);
      Objects.requireNonNull(number);
      Objects.requireNonNull(birthDate);
      symbol = symbol == null ? "" : symbol;
      branch = branch == null ? "" : branch;
      name = name == null ? "" : name;
      kana = kana == null ? "" : kana;
      sexCode = sexCode == null ? "" : sexCode;
      postalCode = postalCode == null ? "" : postalCode;
      address = address == null ? "" : address;
      limitCategoryCode = limitCategoryCode == null ? "" : limitCategoryCode;
    }
  }

  /** What the simulated national side knows: the card with these numbers and this birth date, if any. */
  @FunctionalInterface
  public interface Registry {
    Optional<Card> find(String insurerNumber, String symbol, String number, String branch, LocalDate birthDate);
  }

  private final InboxFolders folders;
  private final Registry registry;
  private final Clock clock;
  private final QualificationResultParser reader = new QualificationResultParser();
  private ScheduledExecutorService timer;

  public TerminalSimulator(InboxFolders folders, Registry registry, Clock clock) {
    this.folders = Objects.requireNonNull(folders);
    this.registry = Objects.requireNonNull(registry);
    this.clock = Objects.requireNonNull(clock);
  }

  /** Answers every complete request now waiting in {@code req/}; returns how many were answered. */
  public synchronized int answerWaiting() {
    List<Path> waiting = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folders.requests())) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (Files.isRegularFile(file) && name.startsWith(QualificationFileNames.REQUEST_PREFIX)
            && name.toLowerCase(Locale.ROOT).endsWith(".xml")) {
          waiting.add(file);
        }
      }
    } catch (IOException e) {
      LOG.log(Level.WARNING, "simulated terminal cannot list its request folder: {0}", e.getClass().getSimpleName());
      return 0;
    }
    int answered = 0;
    for (Path request : waiting) {
      try {
        answer(request);
        answered++;
      } catch (IOException e) {
        LOG.log(Level.WARNING, "simulated terminal could not answer a request: {0}", e.getClass().getSimpleName());
      }
    }
    return answered;
  }

  private void answer(Path request) throws IOException {
    String requestName = request.getFileName().toString();
    String resultName = QualificationFileNames.resultNameFor(requestName);
    String xml;
    try {
      xml = resultFor(read(request));
    } catch (TsumugiException unreadable) {
      xml = failure(unreadable.errorCode().code());
    }
    Path results = folders.results();
    Path part = results.resolve("." + resultName + ".part");
    Files.write(part, xml.getBytes(StandardCharsets.UTF_8));
    try {
      move(part, results.resolve(resultName));
    } finally {
      Files.deleteIfExists(part);
    }
    Path answered = Files.createDirectories(folders.requests().resolve("answered"));
    move(request, answered.resolve(requestName));
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** The request's search keys, read with the same hardened parser as results. */
  private record Search(String institutionCode, String confirmationDate, String identifier, String insurerNumber, String symbol,
      String number, String branch, LocalDate birthDate) {
  }

  private Search read(Path request) throws IOException {
    if (Files.size(request) > MAX_REQUEST_BYTES) {
      throw new TsumugiException(ErrorCode.QUALIFICATION_FILE_TOO_LARGE, "request over 64 KiB");
    }
    XmlNode root = reader.tree(Files.readAllBytes(request));
    XmlNode header = root.child("MessageHeader").orElseThrow(() -> unreadable("no MessageHeader"));
    XmlNode search = root.child("MessageBody").flatMap(b -> b.child("QualificationConfirmSearchInfo"))
        .orElseThrow(() -> unreadable("no QualificationConfirmSearchInfo"));
    LocalDate birth;
    try {
      birth = LocalDate.parse(search.childText("Birthdate"), DATE);
    } catch (DateTimeParseException e) {
      throw unreadable("Birthdate");
    }
    return new Search(header.childText("MedicalInstitutionCode"), header.childText("QualificationConfirmationDate"),
        header.childText("ArbitraryFileIdentifier"), search.childText("InsurerNumber"), search.childText("InsuredCardSymbol"),
        search.childText("InsuredIdentificationNumber"), search.childText("InsuredBranchNumber"), birth);
  }

  private static TsumugiException unreadable(String what) {
    return new TsumugiException(ErrorCode.QUALIFICATION_MALFORMED, "request: " + what);
  }

  private String resultFor(Search s) {
    Optional<Card> card = registry.find(s.insurerNumber(), s.symbol(), s.number(), s.branch(), s.birthDate());
    StringBuilder x = header(s.confirmationDate(), s.institutionCode(), s.identifier(), "1");
    x.append(" <MessageBody>\n");
    element(x, 2, "ProcessingResultStatus", "1");
    element(x, 2, "QualificationValidity", card.isPresent() ? "1" : "4");
    if (card.isPresent()) {
      x.append("  <ResultList>\n   <ResultOfQualificationConfirmation>\n");
      card(x, card.get());
      x.append("   </ResultOfQualificationConfirmation>\n  </ResultList>\n");
    }
    x.append(" </MessageBody>\n</XmlMsg>\n");
    return x.toString();
  }

  private String failure(String reason) {
    StringBuilder x = header(LocalDate.now(clock).format(DATE), "", "", "9");
    x.append(" <MessageBody>\n");
    element(x, 2, "ProcessingResultStatus", "2");
    element(x, 2, "ProcessingResultCode", "SIM-" + reason);
    element(x, 2, "ProcessingResultMessage", "simulated terminal could not read the request");
    x.append(" </MessageBody>\n</XmlMsg>\n");
    return x.toString();
  }

  private StringBuilder header(String confirmationDate, String institutionCode, String identifier, String segment) {
    StringBuilder x = new StringBuilder(2048);
    x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<XmlMsg>\n <MessageHeader>\n");
    element(x, 2, "ProcessExecutionTime", clock.instant().atZone(clock.getZone()).format(TIME));
    element(x, 2, "QualificationConfirmationDate", confirmationDate);
    element(x, 2, "MedicalInstitutionCode", institutionCode);
    element(x, 2, "ArbitraryFileIdentifier", identifier);
    element(x, 2, "ReferenceClassification", "2");
    element(x, 2, "SegmentOfResult", segment);
    element(x, 2, "CharacterCodeIdentifier", "0");
    x.append(" </MessageHeader>\n");
    return x;
  }

  private static void card(StringBuilder x, Card c) {
    element(x, 4, "InsuredCardClassification", "01");
    element(x, 4, "InsurerNumber", QualificationRequestWriter.paddedInsurerNumber(c.insurerNumber()));
    element(x, 4, "InsuredCardSymbol", c.symbol());
    element(x, 4, "InsuredIdentificationNumber", c.number());
    element(x, 4, "InsuredBranchNumber", c.branch());
    element(x, 4, "PersonalFamilyClassification", c.insured() ? "1" : "2");
    element(x, 4, "Name", c.name());
    element(x, 4, "NameKana", c.kana());
    element(x, 4, "Sex1", c.sexCode());
    element(x, 4, "Birthdate", c.birthDate().format(DATE));
    element(x, 4, "Address", c.address());
    element(x, 4, "PostNumber", c.postalCode());
    if (c.validFrom() != null) {
      element(x, 4, "InsuredCardValidDate", c.validFrom().format(DATE));
    }
    if (c.validTo() != null) {
      element(x, 4, "InsuredCardExpirationDate", c.validTo().format(DATE));
    }
    if (c.lateElderlyTenths() > 0) {
      element(x, 4, "InsuredPartialContributionRatio", String.format(Locale.ROOT, "%03d", c.lateElderlyTenths() * 10));
    }
    if (c.elderlyRecipientTenths() > 0) {
      x.append("    <ElderlyRecipientCertificateInfo>\n");
      element(x, 5, "ElderlyRecipientContributionRatio", String.format(Locale.ROOT, "%03d", c.elderlyRecipientTenths() * 10));
      x.append("    </ElderlyRecipientCertificateInfo>\n");
    }
    if (!c.limitCategoryCode().isEmpty()) {
      x.append("    <LimitApplicationCertificateRelatedInfo>\n");
      element(x, 5, "LimitApplicationCertificateClassificationFlag", c.limitCategoryCode());
      x.append("    </LimitApplicationCertificateRelatedInfo>\n");
    }
  }

  private static void element(StringBuilder x, int indent, String name, String value) {
    if (value == null || value.isEmpty()) {
      return;
    }
    x.append(" ".repeat(indent)).append('<').append(name).append('>').append(escape(value)).append("</").append(name).append(">\n");
  }

  private static String escape(String value) {
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Answers every second on a daemon thread until closed. */
  public synchronized void start() {
    if (timer != null) {
      return;
    }
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "simulated-qualification-terminal");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(() -> {
      try {
        answerWaiting();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "simulated terminal failed a round: {0}", e.getClass().getSimpleName());
      }
    }, 1, 1, TimeUnit.SECONDS);
  }

  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }
}
