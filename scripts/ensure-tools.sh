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
