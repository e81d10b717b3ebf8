package jp.tsumugi.store.master;

/** One candidate master file: its name (file or zip entry base name), where it came from, and its bytes. */
record MasterInput(String name, String origin, byte[] bytes) {
}
