#!/bin/sh
# Removes what install.sh put in ~/.local (or $PREFIX), file by file as its list says,
# and nothing else: your projects and spanmark's preferences and recovery files stay.
set -eu
prefix=${PREFIX:-"$HOME/.local"}
share="$prefix/share"
manifest="$share/spanmark/installed-files"
if [ ! -f "$manifest" ]; then
  echo "spanmark is not installed in $prefix (no $manifest)" >&2
  exit 1
fi
while IFS= read -r file; do
  case "$file" in
    "$prefix"/*) rm -f "$file" ;;
    *) echo "skipped $file: not under $prefix" >&2 ;;
  esac
done < "$manifest"
rmdir "$share/spanmark" 2>/dev/null || true
# Empty icon folders the install made go too; folders with anything else in them stay.
for dir in "$share"/icons/hicolor/*/apps "$share"/icons/hicolor/* "$share/icons/hicolor"; do
  [ -d "$dir" ] && rmdir "$dir" 2>/dev/null || true
done
if command -v update-mime-database >/dev/null 2>&1 && [ -d "$share/mime" ]; then update-mime-database "$share/mime" || true; fi
if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$share/applications" ]; then update-desktop-database -q "$share/applications" || true; fi
echo "spanmark removed from $prefix."
