package jp.tsumugi.app.exchange;

/** Port: the state of the link to the national services, as the status bar shows it. */
public interface Connectivity {
  /** The states a clinic sees. */
  enum State {
    /** No national-service connection is configured or built yet (未接続). */
    NOT_CONNECTED,
    ONLINE,
    /** Configured but not answering: work continues locally, the outbox waits. */
    OFFLINE
  }

  State state();
}
