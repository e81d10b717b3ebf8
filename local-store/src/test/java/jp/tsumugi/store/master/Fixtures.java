package jp.tsumugi.store.master;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small master files written by the tests (Shift_JIS bytes), shaped like the real ones. */
final class Fixtures {
  static final Charset SJIS = Charset.forName("windows-31j");

  private Fixtures() {
  }

  /** A 150-column 医科診療行為 row; unset columns are blank (as in a diff row) unless {@code full}. */
  static String[] procedure(String change, String code, String name, String points, String changedOn, String abolishedOn,
      boolean full) {
    String[] row = new String[150];
    Arrays.fill(row, full ? "0" : "");
    row[0] = change;
    row[1] = "S";
    row[2] = code;
    row[4] = name;
    row[6] = full ? "ｶﾅ" : "";
    row[10] = full ? "3" : "";
    row[11] = points;
    row[86] = changedOn;
    row[87] = abolishedOn;
    row[112] = name;
    return row;
  }

  static String line(String... fields) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < fields.length; i++) {
      out.append(i == 0 ? "" : ",").append('"').append(fields[i]).append('"');
    }
    return out.toString();
  }

  static byte[] sjis(List<String[]> rows) {
    List<String> lines = new ArrayList<>();
    for (String[] row : rows) {
      lines.add(line(row));
    }
    return (String.join("\r\n", lines) + "\r\n").getBytes(SJIS);
  }

  /** s_ALL20240531.csv with 初診料 (291 points) and 再診料 (75 points), from 2024-06-01. */
  static Path writeFull(Path dir) throws IOException {
    return write(dir, "s_ALL20240531.csv", sjis(List.of(
        procedure("0", "111000110", "初診料", "291.00", "20240601", "99999999", true),
        procedure("0", "112007410", "再診料", "75.00", "20240601", "99999999", true))));
  }

  static Path write(Path dir, String name, byte[] bytes) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    return file;
  }

  static Path zip(Path file, String entryName, byte[] content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry(entryName));
      zip.write(content);
      zip.closeEntry();
    }
    Files.createDirectories(file.getParent());
    Files.write(file, bytes.toByteArray());
    return file;
  }
}
