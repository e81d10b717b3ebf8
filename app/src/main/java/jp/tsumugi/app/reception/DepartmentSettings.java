package jp.tsumugi.app.reception;

import java.util.Optional;

/** Port: the departments (診療科) stored with the clinic. */
public interface DepartmentSettings {
  /** The stored departments, or empty when none were set (then {@link Departments#DEFAULT} applies). */
  Optional<Departments> find();

  /** Stores the departments with the clinic; false when there is no clinic row yet. */
  boolean save(Departments departments);
}
