package jp.tsumugi.sync.qualification;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.format.DateTimeFormatter;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.qualification.CharacterCode;
import jp.tsumugi.app.qualification.QualificationRequest;

/**
 * Writes the 資格確認 request XML by insurance-card information (billing-rules.md §5.3 "Request").
 * Shift_JIS by default, the encoding other レセコン are seen writing [C: OQSDrug2]; the XML declaration
 * always names the encoding used (docs/adr/0014). A character the encoding cannot write is an error,
 * never a silent '?'.
 */
public final class QualificationRequestWriter {
  /** A request written into the {@code req/} folder and the name of the result to wait for in {@code res/}. */
  public record RequestFile(Path request, String resultName) {
  }

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd");
  private final CharacterCode encoding;

  /** A Shift_JIS writer. */
  public QualificationRequestWriter() {
    this(CharacterCode.SHIFT_JIS);
  }

  public QualificationRequestWriter(CharacterCode encoding) {
    this.encoding = encoding;
  }

  /** The request document as text. */
  public String render(QualificationRequest request, String identifier) {
    QualificationFileNames.requestName(identifier);
    StringBuilder x = new StringBuilder(640);
    x.append("<?xml version=\"1.0\" encoding=\"").append(encoding == CharacterCode.UTF_8 ? "UTF-8" : "Shift_JIS").append("\"?>\n");
    x.append("<XmlMsg>\n");
    x.append(" <MessageHeader>\n");
    element(x, 2, "QualificationConfirmationDate", request.confirmationDate().format(DATE));
    element(x, 2, "MedicalInstitutionCode", request.institutionCode());
    element(x, 2, "ArbitraryFileIdentifier", identifier);
    x.append(" </MessageHeader>\n");
    x.append(" <MessageBody>\n");
    x.append("  <QualificationConfirmSearchInfo>\n");
    element(x, 3, "InsurerNumber", paddedInsurerNumber(request.insurerNumber()));
    if (!request.symbol().isEmpty()) {
      element(x, 3, "InsuredCardSymbol", request.symbol());
    }
    element(x, 3, "InsuredIdentificationNumber", request.number());
    if (!request.branch().isEmpty()) {
      element(x, 3, "InsuredBranchNumber", request.branch());
    }
    element(x, 3, "Birthdate", request.birthDate().format(DATE));
    element(x, 3, "LimitApplicationCertificateRelatedConsFlg", request.limitCertificateConsent() ? "1" : "0");
    x.append("  </QualificationConfirmSearchInfo>\n");
    x.append(" </MessageBody>\n");
    x.append("</XmlMsg>\n");
    return x.toString();
  }

  /** The request document as bytes in the writer's encoding. */
  public byte[] encode(QualificationRequest request, String identifier) {
    Charset charset = ResultEncoding.charset(encoding);
    try {
      ByteBuffer buffer = charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(render(request, identifier)));
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (CharacterCodingException e) {
      throw new TsumugiException(ErrorCode.QUALIFICATION_REQUEST_UNENCODABLE, "not encodable in " + encoding, e);
    }
  }

  /**
   * Writes the request into the {@code req/} folder: first under a hidden temporary name, then moved
   * atomically, so the terminal never reads half a file. An existing file of the same name is never
   * overwritten.
   */
  public RequestFile writeTo(Path requestFolder, QualificationRequest request, String identifier) {
    String name = QualificationFileNames.requestName(identifier);
    byte[] bytes = encode(request, identifier);
    Path target = requestFolder.resolve(name);
    Path temporary = requestFolder.resolve("." + name + ".part");
    try {
      Files.write(temporary, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      try {
        if (Files.exists(target)) {
          throw new FileAlreadyExistsException(name);
        }
        try {
          Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temporary, target);
        }
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new TsumugiException(ErrorCode.QUALIFICATION_FILE_UNREADABLE, "request not written: " + e.getClass().getSimpleName(), e);
    }
    return new RequestFile(target, QualificationFileNames.resultNameFor(name));
  }

  /** 国保 6-digit numbers are right-aligned in 8 characters with leading spaces. */
  static String paddedInsurerNumber(String insurerNumber) {
    return insurerNumber.length() == 6 ? "  " + insurerNumber : insurerNumber;
  }

  private static void element(StringBuilder x, int indent, String name, String value) {
    x.append(" ".repeat(indent)).append('<').append(name).append('>');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> x.append("&amp;");
        case '<' -> x.append("&lt;");
        case '>' -> x.append("&gt;");
        case '"' -> x.append("&quot;");
        case '\'' -> x.append("&apos;");
        default -> {
          if (c < 0x20) {
            throw new TsumugiException(ErrorCode.QUALIFICATION_REQUEST_INVALID, name + " holds a control character");
          }
          x.append(c);
        }
      }
    }
    x.append("</").append(name).append(">\n");
  }
}
