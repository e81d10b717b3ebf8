package jp.tsumugi.store.master;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;

/**
 * Decodes a master file as Shift_JIS (windows-31j), refusing UTF-8. A UTF-8 byte order mark, or bytes
 * that are valid UTF-8 and contain at least one multi-byte sequence, mean UTF-8: real Shift_JIS
 * Japanese text essentially never forms valid UTF-8 (its half-width katakana bytes 0xA1–0xDF are
 * UTF-8 continuation bytes without a lead byte, and its kanji trail bytes 0x40–0x7E are not
 * continuation bytes). Pure ASCII is both and is accepted. Then windows-31j decoding reports any
 * malformed or unmappable byte, with its line.
 */
final class MasterText {
  static final Charset SHIFT_JIS = Charset.forName("windows-31j");

  private MasterText() {
  }

  static String decode(byte[] bytes, String fileName) {
    if (bytes.length == 0) {
      throw new TsumugiException(ErrorCode.MASTER_FILE_EMPTY, fileName + " line 1: no bytes");
    }
    if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
      throw new TsumugiException(ErrorCode.MASTER_NOT_SHIFT_JIS, fileName + " line 1: UTF-8 byte order mark");
    }
    if (hasHighBytes(bytes) && isUtf8(bytes)) {
      throw new TsumugiException(ErrorCode.MASTER_NOT_SHIFT_JIS, fileName + " line " + lineOfFirstHighByte(bytes)
          + ": the file is UTF-8 encoded");
    }
    CharsetDecoder decoder = SHIFT_JIS.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      throw new TsumugiException(ErrorCode.MASTER_NOT_SHIFT_JIS, fileName + " line " + lineAt(bytes, in.position())
          + ": not Shift_JIS");
    }
    decoder.flush(out);
    out.flip();
    String text = out.toString();
    if (text.isBlank()) {
      throw new TsumugiException(ErrorCode.MASTER_FILE_EMPTY, fileName + " line 1: no rows");
    }
    return text;
  }

  private static boolean hasHighBytes(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static int lineOfFirstHighByte(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] < 0) {
        return lineAt(bytes, i);
      }
    }
    return 1;
  }

  private static int lineAt(byte[] bytes, int position) {
    int line = 1;
    for (int i = 0; i < position && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }
}
