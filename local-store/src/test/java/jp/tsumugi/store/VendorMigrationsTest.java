package jp.tsumugi.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Vendor migrations (docs/adr/0025): each database gets the same versions, and none clash with the portable ones. */
class VendorMigrationsTest {
  private static Set<String> versions(String dir) {
    return Arrays.stream(Objects.requireNonNull(new File("src/main/resources/db/" + dir).list(), dir))
        .filter(n -> n.matches("^V\\d+__.*\\.sql$")).map(n -> n.substring(0, n.indexOf("__")))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void h2AndPostgresqlFoldersHoldTheSameVersionsAndNoneIsAlsoPortable() {
    Set<String> h2 = versions("vendor/h2");
    assertThat(h2).isNotEmpty().isEqualTo(versions("vendor/postgresql"));
    assertThat(versions("migration")).doesNotContainAnyElementsOf(h2);
  }
}
