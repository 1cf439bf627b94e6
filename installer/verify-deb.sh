#!/usr/bin/env bash
# Builds the .deb and proves it works from the installed files only: a fresh Debian 12 root
# (debootstrap --variant=minbase, with this machine's apt sources) installs it with apt, which pulls the
# dependencies the package declares, then runs `keyscope --version` and an offscreen `--screenshot`
# against the embedded redis-server. Run by hand, as root (debootstrap and chroot need it); takes a few
# minutes, mostly downloads. Leaves the screenshot in build/verify-deb/screenshot.png.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" -ne 0 ]; then
    echo "verify-deb: run as root (debootstrap, chroot)" >&2
    exit 2
fi
command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap

cmake --preset release
cmake --build --preset release -j "$(nproc)"
rm -rf build/release/packages
cpack --config build/release/CPackConfig.cmake -G DEB -B build/release/packages
deb=$(ls build/release/packages/keyscope_*.deb)
echo "== package: $deb"
dpkg-deb --info "$deb" | sed -n '/Depends/p'

work=build/verify-deb
root=$work/root
cleanup() {
    for m in dev/pts dev proc; do mountpoint -q "$root/$m" && umount "$root/$m"; done
    return 0
}
trap cleanup EXIT
cleanup
rm -rf "$work"
mkdir -p "$work"

# The mirror this machine's apt uses (deb822 sources or sources.list).
mirror=$(grep -h -m1 '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' || true)
[ -n "$mirror" ] || mirror=$(awk '$1 == "deb" {print $2; exit}' /etc/apt/sources.list)
echo "== debootstrap bookworm from $mirror"
debootstrap --variant=minbase bookworm "$root" "$mirror" >"$work/debootstrap.log"
cp /etc/apt/sources.list.d/*.sources "$root/etc/apt/sources.list.d/" 2>/dev/null || true
[ -f /etc/apt/sources.list ] && cp /etc/apt/sources.list "$root/etc/apt/"
# Packages must not start services inside the chroot (redis-server's own unit).
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod +x "$root/usr/sbin/policy-rc.d"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
mount -t proc proc "$root/proc"

cp "$deb" "$root/tmp/keyscope.deb"
echo "== apt install ./keyscope.deb in the clean root"
chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq /tmp/keyscope.deb >"$work/install.log"

echo "== keyscope --version"
chroot "$root" keyscope --version
echo "== keyscope --screenshot (offscreen, embedded server with demo data)"
chroot "$root" env QT_QPA_PLATFORM=offscreen HOME=/root keyscope --screenshot /tmp/screenshot.png
cp "$root/tmp/screenshot.png" "$work/screenshot.png"
echo "== installed files"
chroot "$root" dpkg -L keyscope | grep -v '/$' | sed 's/^/   /'
echo "verify-deb: OK ($work/screenshot.png)"
