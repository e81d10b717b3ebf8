package jp.tsumugi.app.chart;

/**
 * The answer to asking for an editing lease: {@code granted} with this terminal's lease, or not, with
 * the lease of whoever is editing (the screen shows "being edited by X at terminal Y" and opens read-only).
 */
public record LeaseResult(boolean granted, EditLease lease) {
}
