package jp.tsumugi.sync;

import jp.tsumugi.app.exchange.Connectivity;

/**
 * The connectivity until a national-service connection exists: honestly "not connected" (未接続).
 * The outbox keeps what must go out meanwhile.
 */
public final class NotConnected implements Connectivity {
  @Override
  public State state() {
    return State.NOT_CONNECTED;
  }
}
