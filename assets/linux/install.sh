#!/bin/sh
# Installs spanmark from this folder for you alone, into ~/.local (or $PREFIX):
# the program in bin/, the menu entry, the icons and the project file type in share/.
# Nothing needs root. Undo with ~/.local/share/spanmark/uninstall.sh (or uninstall.sh
# beside this file).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-"$HOME/.local"}
share="$prefix/share"
manifest="$share/spanmark/installed-files"

mkdir -p "$prefix/bin" "$share/applications" "$share/mime/packages" "$share/spanmark"
: > "$manifest.new"
put() { # put SOURCE DEST MODE
  mkdir -p "$(dirname "$2")"
  cp "$1" "$2.tmp.$$" && chmod "$3" "$2.tmp.$$" && mv -f "$2.tmp.$$" "$2"
  echo "$2" >> "$manifest.new"
}

put "$here/bin/spanmark" "$prefix/bin/spanmark" 755
# The menu entry runs the program by its full path: ~/.local/bin is not on every
# desktop session's PATH.
entry=$(mktemp)
sed "s|^Exec=spanmark |Exec=\"$prefix/bin/spanmark\" |" "$here/share/applications/spanmark.desktop" > "$entry"
put "$entry" "$share/applications/spanmark.desktop" 644
rm -f "$entry"
put "$here/share/mime/packages/spanmark.xml" "$share/mime/packages/spanmark.xml" 644
for icon in "$here"/share/icons/hicolor/*/apps/spanmark.*; do
  rel=${icon#"$here/share/"}
  put "$icon" "$share/$rel" 644
done
put "$here/uninstall.sh" "$share/spanmark/uninstall.sh" 755
echo "$manifest" >> "$manifest.new"
mv -f "$manifest.new" "$manifest"

# Refresh the desktop's caches where the tools are installed (they are on desktops).
if command -v update-mime-database >/dev/null 2>&1; then update-mime-database "$share/mime" || true; fi
if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q "$share/applications" || true; fi
if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$share/icons/hicolor/index.theme" ]; then
  gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
fi

echo "spanmark installed in $prefix/bin/spanmark, with its menu entry, icon and project file type."
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "Note: $prefix/bin is not on your PATH; the menu entry works all the same." ;;
esac
echo "To remove it: $share/spanmark/uninstall.sh"
