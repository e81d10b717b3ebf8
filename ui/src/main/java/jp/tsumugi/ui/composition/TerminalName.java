package jp.tsumugi.ui.composition;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The name this terminal signs its audit entries with: the host name unless configured. */
public final class TerminalName {
  private TerminalName() {
  }

  public static String resolve(String configured) {
    if (configured != null && !configured.isBlank()) {
      return configured.strip();
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "terminal";
    }
  }
}
