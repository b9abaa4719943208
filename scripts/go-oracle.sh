#!/usr/bin/env bash
# Installs the test oracle: the newest Go toolchain that Debian's newest suite
# (sid) ships, its standard-library source, and golang.org/x/mod of the same
# era, unpacked under .cache/go-oracle/ in this repository.
#
# The system's apt configuration is never changed: apt runs with a private
# state, cache and sources list under the cache folder. The archive URI is
# read from the system's own deb822 sources (debian.sources) and only the
# suite is replaced by sid. Packages are fetched with `apt-get download` and
# unpacked with `dpkg-deb -x`; nothing is installed system-wide. The go
# binary is statically linked, so it runs on an older Debian.
#
# Usage: scripts/go-oracle.sh [--refresh]   (prints the go binary's path last)
# Tests find the result on their own (test/oracle/go-env.ts); MODSEAL_GO may
# name another go binary instead.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cache="${MODSEAL_ORACLE_DIR:-$repo/.cache/go-oracle}"
root="$cache/root"
refresh=${1:-}

say() { printf 'go-oracle: %s\n' "$*" >&2; }
die() {
  say "$*"
  exit 1
}

newest_go() { ls -d "$root"/usr/lib/go-1.*/bin/go 2>/dev/null | sort -V | tail -n 1; }

if [ "$refresh" != "--refresh" ] && [ -f "$cache/installed" ]; then
  go_bin=$(newest_go)
  if [ -n "$go_bin" ] && GOTOOLCHAIN=local GOENV=off "$go_bin" version >/dev/null 2>&1; then
    say "already installed: $(GOTOOLCHAIN=local GOENV=off "$go_bin" version)"
    echo "$go_bin"
    exit 0
  fi
fi

command -v apt-get >/dev/null && command -v dpkg-deb >/dev/null ||
  die "needs apt-get and dpkg-deb (a Debian-based machine)"

# The archive URI and its signing key, from the first deb822 stanza whose URI
# is a plain Debian archive (not the security one).
uri="" key=""
for f in /etc/apt/sources.list.d/debian.sources /etc/apt/sources.list.d/*.sources; do
  [ -f "$f" ] || continue
  read -r uri key < <(awk '
    function flush() { if (u != "" && u !~ /security/ && t ~ /(^| )deb( |$)/ && !done) { print u, (k == "" ? "-" : k); done = 1 } u = ""; k = ""; t = "" }
    /^[ \t]*$/ { flush(); next }
    /^Types:/ { sub(/^Types:[ \t]*/, ""); t = $0 }
    /^URIs:/ { sub(/^URIs:[ \t]*/, ""); split($0, a, " "); u = a[1] }
    /^Signed-By:/ { sub(/^Signed-By:[ \t]*/, ""); k = $0 }
    END { flush() }' "$f") || true
  [ -n "$uri" ] && break
done
[ -n "$uri" ] || die "no Debian archive found in /etc/apt/sources.list.d/*.sources"
[ "$key" = "-" ] && key=/usr/share/keyrings/debian-archive-keyring.gpg
say "archive $uri, suite sid (system apt configuration untouched)"

apt_dir="$cache/apt"
mkdir -p "$apt_dir/lists/partial" "$apt_dir/archives/partial" "$apt_dir/debs"
echo "deb [signed-by=$key] $uri sid main" >"$apt_dir/sources.list"
apt_opts=(
  -o "Dir::State=$apt_dir" -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::State::status=/dev/null"
  -o "Dir::Cache=$apt_dir" -o "Dir::Cache::archives=$apt_dir/archives"
  -o "Dir::Etc::SourceList=$apt_dir/sources.list" -o "Dir::Etc::SourceParts=/dev/null"
  -o "Dir::Etc::Preferences=/dev/null" -o "Dir::Etc::PreferencesParts=/dev/null"
  -o "APT::Sandbox::User=root" -o "Acquire::Retries=3" -o "Debug::NoLocking=1"
)
timeout 300 apt-get "${apt_opts[@]}" -qq update || die "apt-get update of the private sid list failed"

# The newest golang-1.N-go the suite ships.
pkg=$(apt-cache "${apt_opts[@]}" pkgnames golang-1. | grep -E '^golang-1\.[0-9]+-go$' | sort -V | tail -n 1)
[ -n "$pkg" ] || die "no golang-1.N-go package in sid"
ver=${pkg#golang-}
ver=${ver%-go}
say "installing $pkg, golang-$ver-src and golang-golang-x-mod-dev from sid"
(cd "$apt_dir/debs" && rm -f ./*.deb &&
  timeout 600 apt-get "${apt_opts[@]}" -qq download "$pkg" "golang-$ver-src" golang-golang-x-mod-dev) ||
  die "apt-get download failed"

rm -rf "$root.new"
mkdir -p "$root.new"
for deb in "$apt_dir/debs"/*.deb; do dpkg-deb -x "$deb" "$root.new"; done
rm -rf "$root"
mv "$root.new" "$root"
go_bin="$root/usr/lib/go-$ver/bin/go"
[ -x "$go_bin" ] || die "unpacked, but $go_bin is missing"
[ -d "$root/usr/share/gocode/src/golang.org/x/mod" ] || die "unpacked, but x/mod is missing"
GOTOOLCHAIN=local GOENV=off "$go_bin" version >&2 || die "$go_bin does not run on this machine"
date -u +%FT%TZ >"$cache/installed"
echo "$go_bin"
