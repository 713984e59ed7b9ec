#!/usr/bin/env bash
# Installs a built Poise bundle for one user (or system-wide) like any desktop app:
# the program, a `poise` command, the menu entry, the icon in every size and the
# AppStream metadata software centres read.
#   packaging/linux/install.sh [BUNDLE_DIR]     default BUNDLE_DIR: dist/poise
#   PREFIX=/usr/local sudo -E packaging/linux/install.sh    system-wide
#   packaging/linux/install.sh --uninstall
# PREFIX defaults to ~/.local, whose bin/ most desktops already put on PATH.
set -euo pipefail

app_id=app.poise.Poise
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
prefix=${PREFIX:-$HOME/.local}
program_dir=$prefix/lib/poise
share=$prefix/share

remove_installed() {
  rm -rf "$program_dir"
  rm -f "$prefix/bin/poise" "$share/applications/$app_id.desktop" \
    "$share/metainfo/$app_id.metainfo.xml" "$share/icons/hicolor/scalable/apps/$app_id.svg"
  for size in 16 24 32 48 64 128 256 512; do
    rm -f "$share/icons/hicolor/${size}x${size}/apps/$app_id.png"
  done
}

refresh_desktop_caches() {
  # Menus and icon themes pick the new files up at once; harmless when the tools are absent.
  command -v update-desktop-database >/dev/null && update-desktop-database -q "$share/applications" || true
  command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
}

if [[ "${1:-}" == "--uninstall" ]]; then
  remove_installed
  refresh_desktop_caches
  echo "Poise removed from $prefix"
  exit 0
fi

bundle=${1:-$repo/dist/poise}
if [[ ! -x "$bundle/poise" ]]; then
  echo "install.sh: no built bundle at $bundle; run: python packaging/build.py" >&2
  exit 1
fi

remove_installed
mkdir -p "$program_dir" "$prefix/bin" "$share/applications" "$share/metainfo" \
  "$share/icons/hicolor/scalable/apps"
cp -a "$bundle/." "$program_dir/"
ln -s "$program_dir/poise" "$prefix/bin/poise"

# The menu entry names the installed program by full path: it starts even when
# PREFIX/bin is not on the session's PATH.
sed -e "s|^Exec=poise|Exec=$program_dir/poise|" -e "s|^TryExec=poise|TryExec=$program_dir/poise|" \
  "$here/$app_id.desktop" >"$share/applications/$app_id.desktop"
cp "$here/$app_id.metainfo.xml" "$share/metainfo/"
cp "$repo/resources/icons/poise.svg" "$share/icons/hicolor/scalable/apps/$app_id.svg"
for size in 16 24 32 48 64 128 256 512; do
  mkdir -p "$share/icons/hicolor/${size}x${size}/apps"
  cp "$repo/resources/icons/poise-$size.png" "$share/icons/hicolor/${size}x${size}/apps/$app_id.png"
done
refresh_desktop_caches
echo "Poise installed in $program_dir; start it from the menu or with: poise"
