#!/usr/bin/env bash
# Renders a workbook so a person (or a test) can look at it: xlsx -> PDF (LibreOffice headless)
# -> PNG pages (pdftoppm). Installs LibreOffice Calc and poppler-utils with apt-get when missing.
#
#   scripts/render-workbook.sh <workbook.xlsx> [outdir]
#
# Writes <outdir>/<name>.pdf and <outdir>/<name>-<page>.png (outdir defaults to the workbook's
# folder). The Summary is the first sheet, so page 1 is the top of the Summary.
# Environment: RENDER_DPI (default 80), RENDER_MAX_PAGES (default 3; 0 = every page; a big
# workbook prints thousands of pages of All Lines).
set -euo pipefail

if [[ $# -lt 1 || $# -gt 2 ]]; then
    echo "usage: $0 <workbook.xlsx> [outdir]" >&2
    exit 2
fi
workbook=$1
if [[ ! -f "$workbook" ]]; then
    echo "render-workbook: no such file: $workbook" >&2
    exit 2
fi
outdir=${2:-$(dirname "$workbook")}
dpi=${RENDER_DPI:-80}
max_pages=${RENDER_MAX_PAGES:-3}
mkdir -p "$outdir"

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
    sudo_cmd=(sudo)
fi
missing=()
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
# Carlito has Calibri's metrics (the workbook's font): without it columns and wrapping look off.
if ! fc-list 2>/dev/null | grep -i carlito >/dev/null; then
    missing+=(fonts-crosextra-carlito)
fi
if [[ ${#missing[@]} -gt 0 ]]; then
    echo "render-workbook: installing ${missing[*]} (apt-get)" >&2
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

name=$(basename "$workbook")
name=${name%.*}
# A private profile: no clash with a LibreOffice a person has open, no first-start dialogs.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
soffice --headless --norestore -env:UserInstallation="file://$profile" \
    --convert-to pdf --outdir "$outdir" "$workbook" >/dev/null 2>&1 || true
pdf="$outdir/$name.pdf"
if [[ ! -s "$pdf" ]]; then
    echo "render-workbook: LibreOffice produced no PDF for $workbook" >&2
    exit 1
fi

page_args=()
if [[ "$max_pages" != 0 ]]; then
    page_args=(-f 1 -l "$max_pages")
fi
pdftoppm -png -r "$dpi" "${page_args[@]}" "$pdf" "$outdir/$name"
echo "$pdf"
ls "$outdir/$name"-*.png
