#!/bin/sh
# Regenerates assets/fonts/NotoSansSC-Regular-subset.ttf: Noto Sans SC regular (from the npm package
# @expo-google-fonts/noto-sans-sc, SIL OFL 1.1) cut down to the characters charts may draw.
# Needs fontTools (Debian: apt-get install python3-fonttools). Run after adding Chinese strings or sectors.
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent @expo-google-fonts/noto-sans-sc@0.4.3 >/dev/null && tar xzf ./*.tgz package/400Regular/NotoSansSC_400Regular.ttf)
npx tsx scripts/font-chars.ts > "$tmp/chars.txt"
python3 -m fontTools.subset "$tmp/package/400Regular/NotoSansSC_400Regular.ttf" --text-file="$tmp/chars.txt" \
  --output-file=assets/fonts/NotoSansSC-Regular-subset.ttf --layout-features='*' --no-hinting
ls -l assets/fonts/NotoSansSC-Regular-subset.ttf
