package jp.tsumugi.app.system;

/** Name and version of this build, for `tsumugi version` and the about box. */
public record AppInfo(String name, String version, int schemaVersion) {
}
