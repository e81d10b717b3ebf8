package jp.tsumugi.app.chart;

import java.util.List;
import java.util.Optional;

/** Port: stamps (スタンプ, table {@code stamp}, V20). Unlike chart records, stamps are updated and deleted. */
public interface StampStore {

  /** Every stamp of every owner (a clinic has hundreds, not millions), by id. */
  List<Stamp> all();

  Optional<Stamp> byId(long id);

  /** Inserts and returns the new id; empty, saving nothing, when the owner has that key already. */
  Optional<Long> insert(Stamp stamp);

  /** Overwrites the stamp with {@code stamp.id()}; false, saving nothing, when the owner has the new key on another stamp. */
  boolean update(Stamp stamp);

  /** Deletes the stamp; false if there was none. */
  boolean delete(long id);
}
