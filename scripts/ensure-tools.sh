#!/usr/bin/env bash
# Installs the system tools the tests drive for real, when missing: Debian's Chromium (browser
# tests via playwright-core), LibreOffice Calc and Writer (prove generated workbooks and Word
# documents open and print), poppler-utils (reads the PDFs) and python3-openpyxl (a third
# reader). Needs root for apt-get; otherwise it only reports.
set -u
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
# Writer, for the .docx letters and report printed to PDF; poppler reads the PDFs back.
ls /usr/lib/libreoffice/program/libswlo.so >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
/usr/bin/python3 -c 'import openpyxl' >/dev/null 2>&1 || need+=(python3-openpyxl)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != "0" ]; then
  echo "ensure-tools: missing ${need[*]}; install with: sudo apt-get install -y ${need[*]} (tests that need them are skipped)" >&2
  exit 0
fi
echo "ensure-tools: installing ${need[*]} (apt-get)…" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null 2>&1 || true
apt-get install -y -qq "${need[@]}" >/dev/null 2>&1 || { echo "ensure-tools: apt-get install failed for ${need[*]}" >&2; exit 1; }
echo "ensure-tools: done" >&2
