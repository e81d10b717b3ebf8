package jp.tsumugi.app.reception;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;

/** The clinic's departments (診療科) offered at check-in; the first is the default. */
public record Departments(List<String> names) {
  public static final Departments DEFAULT = new Departments(List.of("内科"));
  /** Most departments a clinic may list. */
  public static final int MAX_COUNT = 30;
  /** Longest department name. */
  public static final int MAX_LENGTH = 40;

  public Departments {
    names = List.copyOf(names);
    if (names.isEmpty() || names.stream().anyMatch(n -> n == null || n.isBlank() || n.length() > MAX_LENGTH)) {
      throw new TsumugiException(ErrorCode.RECEPTION_DEPARTMENT_UNKNOWN, "department list invalid");
    }
  }

  /**
   * Parses the departments as staff type them in the settings: one per line, or separated by commas
   * ({@code ,}, {@code 、}, {@code ，}); blank entries are ignored; the first is the default.
   * Refuses (TSU-5102) an empty list, more than {@link #MAX_COUNT}, a name longer than {@link #MAX_LENGTH}
   * or a name given twice.
   */
  public static Departments parse(String text) {
    List<String> names = new ArrayList<>();
    for (String part : (text == null ? "" : text).split("[\\r\\n,、，]")) {
      String name = part.strip().replace('\u3000', ' ').strip();
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    Set<String> unique = new LinkedHashSet<>(names);
    if (names.isEmpty() || names.size() > MAX_COUNT || unique.size() != names.size()
        || names.stream().anyMatch(n -> n.length() > MAX_LENGTH)) {
      throw new TsumugiException(ErrorCode.DEPARTMENTS_INVALID, "departments=" + names.size());
    }
    return new Departments(names);
  }

  /** One name per line, as stored and as shown for editing. */
  public String asText() {
    return String.join("\n", names);
  }

  public String defaultName() {
    return names.get(0);
  }

  public boolean contains(String name) {
    return names.contains(name);
  }
}
