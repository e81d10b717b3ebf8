package jp.tsumugi.store.master;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;

/**
 * Finds master files in a folder (recursively), a single file or a zip, and reads them with limits:
 * at most {@link #MAX_FILE_BYTES} per file or zip entry (a zip bomb stops there), at most
 * {@link #MAX_TOTAL_BYTES} in all. Zip entries with absolute paths or ".." are refused outright;
 * nothing is ever extracted to disk. In folders and zips, files whose names do not look like masters
 * (NOTICE.md, xlsx lists) are ignored; a single file given by name must be a master.
 */
final class MasterSources {
  static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
  static final long MAX_TOTAL_BYTES = 512L * 1024 * 1024;
  static final List<String> BUNDLED = List.of("s.zip", "y.zip", "t.zip", "c.zip", "b.zip", "z.zip");
  private static final String BUNDLED_FOLDER = "/jp/tsumugi/store/masters/";

  private final long maxFileBytes;
  private long total;

  MasterSources(long maxFileBytes) {
    this.maxFileBytes = maxFileBytes;
  }

  MasterSources() {
    this(MAX_FILE_BYTES);
  }

  List<MasterInput> collect(Path path) {
    List<MasterInput> inputs = new ArrayList<>();
    if (Files.isDirectory(path)) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(path)) {
        files = walk.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList();
      } catch (IOException e) {
        throw new TsumugiException(ErrorCode.MASTER_FILE_UNREADABLE, "folder cannot be listed", e);
      }
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (isZip(name)) {
          readZip(file, inputs);
        } else if (ParsedFile.identify(name).isPresent()) {
          inputs.add(readFile(file));
        }
      }
    } else if (Files.isRegularFile(path)) {
      String name = path.getFileName().toString();
      if (isZip(name)) {
        readZip(path, inputs);
      } else {
        inputs.add(readFile(path));
      }
    } else {
      throw new TsumugiException(ErrorCode.MASTER_FILE_UNREADABLE, "no such file or folder");
    }
    if (inputs.isEmpty()) {
      throw new TsumugiException(ErrorCode.MASTER_NOTHING_TO_IMPORT, path.getFileName() == null ? "" : path.getFileName().toString());
    }
    return inputs;
  }

  /** The zips bundled in this jar (docs/adr/0008). */
  List<MasterInput> bundled() {
    List<MasterInput> inputs = new ArrayList<>();
    for (String zip : BUNDLED) {
      try (InputStream in = MasterSources.class.getResourceAsStream(BUNDLED_FOLDER + zip)) {
        if (in == null) {
          throw new TsumugiException(ErrorCode.MASTER_BUNDLED_MISSING, zip);
        }
        readZip(in, zip, inputs);
      } catch (IOException e) {
        throw new TsumugiException(ErrorCode.MASTER_BUNDLED_MISSING, zip, e);
      }
    }
    return inputs;
  }

  private MasterInput readFile(Path file) {
    String name = file.getFileName().toString();
    try {
      if (Files.size(file) > maxFileBytes) {
        throw new TsumugiException(ErrorCode.MASTER_TOO_LARGE, name);
      }
      try (InputStream in = Files.newInputStream(file)) {
        return new MasterInput(name, name, readCapped(in, name));
      }
    } catch (IOException e) {
      throw new TsumugiException(ErrorCode.MASTER_FILE_UNREADABLE, name, e);
    }
  }

  private void readZip(Path zip, List<MasterInput> inputs) {
    String zipName = zip.getFileName().toString();
    try (InputStream in = Files.newInputStream(zip)) {
      readZip(in, zipName, inputs);
    } catch (IOException e) {
      throw new TsumugiException(ErrorCode.MASTER_FILE_UNREADABLE, zipName, e);
    }
  }

  private void readZip(InputStream raw, String zipName, List<MasterInput> inputs) throws IOException {
    try (ZipInputStream zip = new ZipInputStream(raw, MasterText.SHIFT_JIS)) {
      ZipEntry entry;
      int entries = 0;
      while ((entry = nextEntry(zip, zipName)) != null) {
        entries++;
        String entryName = entry.getName();
        checkSafe(entryName, zipName);
        if (entry.isDirectory()) {
          continue;
        }
        String base = entryName.substring(entryName.replace('\\', '/').lastIndexOf('/') + 1);
        if (ParsedFile.identify(base).isEmpty()) {
          continue;
        }
        inputs.add(new MasterInput(base, zipName + "!" + entryName, readCapped(zip, zipName + "!" + base)));
      }
      if (entries == 0) {
        throw new TsumugiException(ErrorCode.MASTER_FILE_EMPTY, zipName + ": no entries");
      }
    }
  }

  private static ZipEntry nextEntry(ZipInputStream zip, String zipName) throws IOException {
    try {
      return zip.getNextEntry();
    } catch (ZipException | IllegalArgumentException e) {
      throw new TsumugiException(ErrorCode.MASTER_FILE_UNREADABLE, zipName + ": damaged zip", e);
    }
  }

  private static void checkSafe(String entryName, String zipName) {
    String normalised = entryName.replace('\\', '/');
    boolean unsafe = normalised.startsWith("/") || normalised.matches("^[A-Za-z]:.*") || normalised.indexOf('\0') >= 0;
    for (String part : normalised.split("/")) {
      unsafe |= "..".equals(part);
    }
    if (unsafe) {
      throw new TsumugiException(ErrorCode.MASTER_ZIP_UNSAFE, zipName + ": entry " + sanitise(entryName));
    }
  }

  private static String sanitise(String name) {
    String printable = name.replaceAll("[^\\x20-\\x7e]", "?");
    return printable.length() > 80 ? printable.substring(0, 80) : printable;
  }

  private byte[] readCapped(InputStream in, String name) throws IOException {
    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileBytes + 1));
    if (bytes.length > maxFileBytes) {
      throw new TsumugiException(ErrorCode.MASTER_TOO_LARGE, name + ": more than " + maxFileBytes + " bytes");
    }
    total += bytes.length;
    if (total > MAX_TOTAL_BYTES) {
      throw new TsumugiException(ErrorCode.MASTER_TOO_LARGE, "more than " + MAX_TOTAL_BYTES + " bytes in all");
    }
    return bytes;
  }

  private static boolean isZip(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith(".zip");
  }
}
