package jp.tsumugi.sync;

import static org.assertj.core.api.Assertions.assertThat;

import jp.tsumugi.app.exchange.Connectivity;
import org.junit.jupiter.api.Test;

class NotConnectedTest {
  @Test
  void reportsNotConnectedUntilANationalServiceLinkExists() {
    assertThat(new NotConnected().state()).isEqualTo(Connectivity.State.NOT_CONNECTED);
  }
}
