package jp.tsumugi.app.reception;

import java.util.List;
import jp.tsumugi.app.common.ErrorCode;
import jp.tsumugi.app.common.TsumugiException;

/** The clinic's departments (診療科) offered at check-in; the first is the default. */
public record Departments(List<String> names) {
  public static final Departments DEFAULT = new Departments(List.of("内科"));

  public Departments {
    names = List.copyOf(names);
    if (names.isEmpty() || names.stream().anyMatch(n -> n == null || n.isBlank() || n.length() > 40)) {
      throw new TsumugiException(ErrorCode.RECEPTION_DEPARTMENT_UNKNOWN, "department list invalid");
    }
  }

  public String defaultName() {
    return names.get(0);
  }

  public boolean contains(String name) {
    return names.contains(name);
  }
}
