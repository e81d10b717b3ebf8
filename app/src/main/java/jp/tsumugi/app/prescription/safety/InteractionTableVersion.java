package jp.tsumugi.app.prescription.safety;

import java.time.Instant;

/**
 * A loaded interaction table: its version number, name, import time, SHA-256 of the source file and whether it is the
 * shipped demo set (the UI marks a demo table until the clinic imports its own).
 */
public record InteractionTableVersion(long version, String name, Instant importedAt, String sourceSha256, boolean demo,
    String importedBy) {
}
