package jp.tsumugi.sync.qualification;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;
import jp.tsumugi.app.qualification.CharacterCode;

/**
 * Decides how a result file's bytes are decoded, from its XML declaration and its header
 * {@code CharacterCodeIdentifier} (docs/adr/0014), and decodes them strictly. Tags are ASCII in
 * both UTF-8 and Shift_JIS, and no Shift_JIS trail byte is '<', so both can be read from the raw
 * bytes before decoding. Shift_JIS is decoded as Windows-31J, the superset Windows writes
 * (NEC and IBM extensions such as 髙 and ①).
 */
final class ResultEncoding {
  static final Charset SHIFT_JIS = Charset.forName("windows-31j");
  private static final Pattern DECLARED = Pattern.compile("encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
  private static final byte[] IDENTIFIER_TAG = "<CharacterCodeIdentifier>".getBytes(StandardCharsets.US_ASCII);
  private static final int DECLARATION_SCAN = 256;

  private ResultEncoding() {
  }

  /** The decoded text, without a byte-order mark. */
  static String decode(byte[] bytes) {
    int start = 0;
    boolean utf16Bom = bytes.length >= 2
        && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF) || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE));
    if (utf16Bom) {
      throw new TsumugiException(ErrorCode.QUALIFICATION_ENCODING_UNSUPPORTED, "UTF-16 byte-order mark");
    }
    boolean utf8Bom = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF;
    if (utf8Bom) {
      start = 3;
    }
    int first = firstNonSpace(bytes, start);
    if (first < 0) {
      throw new TsumugiException(ErrorCode.QUALIFICATION_NOT_XML, "empty file");
    }
    if (bytes[first] == 0 || (first + 1 < bytes.length && bytes[first + 1] == 0)) {
      throw new TsumugiException(ErrorCode.QUALIFICATION_ENCODING_UNSUPPORTED, "UTF-16 or UTF-32 without byte-order mark");
    }
    if (bytes[first] != '<') {
      throw new TsumugiException(ErrorCode.QUALIFICATION_NOT_XML, "does not start with '<'");
    }
    Optional<CharacterCode> declared = declaredEncoding(bytes, first);
    Optional<CharacterCode> identified = identifiedEncoding(bytes);
    if (declared.isPresent() && identified.isPresent() && declared.get() != identified.get()) {
      throw new TsumugiException(ErrorCode.QUALIFICATION_ENCODING_MISMATCH,
          "declaration " + declared.get() + ", CharacterCodeIdentifier " + identified.get());
    }
    CharacterCode code = declared.or(() -> identified).orElse(CharacterCode.UTF_8);
    if (utf8Bom && code != CharacterCode.UTF_8) {
      throw new TsumugiException(ErrorCode.QUALIFICATION_ENCODING_MISMATCH, "UTF-8 byte-order mark on a Shift_JIS file");
    }
    Charset charset = code == CharacterCode.UTF_8 ? StandardCharsets.UTF_8 : SHIFT_JIS;
    try {
      return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
    } catch (CharacterCodingException e) {
      throw new TsumugiException(ErrorCode.QUALIFICATION_ENCODING_INVALID, "bytes are not valid " + code, e);
    }
  }

  /** The charset a request written in the given code uses. */
  static Charset charset(CharacterCode code) {
    return code == CharacterCode.UTF_8 ? StandardCharsets.UTF_8 : SHIFT_JIS;
  }

  private static Optional<CharacterCode> declaredEncoding(byte[] bytes, int first) {
    String head = new String(bytes, first, Math.min(DECLARATION_SCAN, bytes.length - first), StandardCharsets.ISO_8859_1);
    if (!head.startsWith("<?xml")) {
      return Optional.empty();
    }
    int end = head.indexOf("?>");
    Matcher m = DECLARED.matcher(end < 0 ? head : head.substring(0, end));
    if (!m.find()) {
      return Optional.empty();
    }
    switch (m.group(1).toLowerCase(Locale.ROOT)) {
      case "utf-8":
      case "utf8":
        return Optional.of(CharacterCode.UTF_8);
      case "shift_jis":
      case "shift-jis":
      case "sjis":
      case "x-sjis":
      case "windows-31j":
      case "ms932":
      case "cp932":
        return Optional.of(CharacterCode.SHIFT_JIS);
      default:
        throw new TsumugiException(ErrorCode.QUALIFICATION_ENCODING_UNSUPPORTED, "declared encoding is neither UTF-8 nor Shift_JIS");
    }
  }

  private static Optional<CharacterCode> identifiedEncoding(byte[] bytes) {
    int at = indexOf(bytes, IDENTIFIER_TAG);
    if (at < 0) {
      return Optional.empty();
    }
    int i = at + IDENTIFIER_TAG.length;
    StringBuilder value = new StringBuilder();
    while (i < bytes.length && bytes[i] != '<' && value.length() < 8) {
      value.append((char) (bytes[i] & 0xFF));
      i++;
    }
    String code = value.toString().strip();
    if (code.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(CharacterCode.byCode(code).orElseThrow(
        () -> new TsumugiException(ErrorCode.QUALIFICATION_ENCODING_UNSUPPORTED, "CharacterCodeIdentifier is neither 0 nor 1")));
  }

  private static int firstNonSpace(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return i;
      }
    }
    return -1;
  }

  private static int indexOf(byte[] bytes, byte[] needle) {
    outer:
    for (int i = 0; i <= bytes.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (bytes[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
