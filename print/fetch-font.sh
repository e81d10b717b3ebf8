#!/usr/bin/env bash
# Fetches Noto Sans JP (SIL OFL 1.1, static TrueType) from the npm registry into the build.
# Usage: fetch-font.sh NPM_VERSION OUTPUT_DIR. Cached per version under ~/.cache/tsumugi/fonts.
set -euo pipefail
version="$1"
out="$2"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/tsumugi/fonts/noto-sans-jp-$version"
files=(400Regular/NotoSansJP_400Regular.ttf 700Bold/NotoSansJP_700Bold.ttf)
if [ ! -f "$cache/.complete" ]; then
  command -v npm >/dev/null || { echo "fetch-font: npm is needed to fetch Noto Sans JP (apt-get install npm)" >&2; exit 1; }
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "@expo-google-fonts/noto-sans-jp@$version" >/dev/null 2>&1)
  tar -xzf "$tmp"/*.tgz -C "$tmp"
  mkdir -p "$cache"
  for f in "${files[@]}"; do cp "$tmp/package/$f" "$cache/"; done
  cp "$tmp/package/LICENSE_FONT" "$cache/OFL.txt"
  touch "$cache/.complete"
fi
mkdir -p "$out"
cp "$cache/NotoSansJP_400Regular.ttf" "$out/NotoSansJP-Regular.ttf"
cp "$cache/NotoSansJP_700Bold.ttf" "$out/NotoSansJP-Bold.ttf"
cp "$cache/OFL.txt" "$out/OFL.txt"
