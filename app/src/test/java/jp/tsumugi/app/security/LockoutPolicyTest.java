package jp.tsumugi.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LockoutPolicyTest {
  @ParameterizedTest(name = "{0} failures lock for {1} s")
  @CsvSource(textBlock = """
      # default policy: 4 free attempts, then 30 s doubling, capped at 30 min
      0,    0
      4,    0
      5,    30
      6,    60
      7,    120
      10,   960
      11,   1800
      50,   1800
      1000, 1800
      """)
  void growsThenCaps(int failures, long seconds) {
    assertThat(LockoutPolicy.DEFAULT.lockFor(failures)).isEqualTo(Duration.ofSeconds(seconds));
  }
}
