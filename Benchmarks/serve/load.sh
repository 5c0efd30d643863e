#!/usr/bin/env bash
# Load figure for `gazette serve`: wrk against the article pages of a large archive on loopback.
#
#   Benchmarks/serve/load.sh SITE [PAGES] [DURATION] [CONNECTIONS]
#
# Starts `gazette serve --port 0` on SITE (make one with save_to_reload.py, or any site), takes the
# article URLs from its sitemap (PAGES of them, default all), and runs `wrk -t2 -cCONNECTIONS -dDURATION`
# (default 64 connections, 30 s) rotating through them with articles.lua. Needs wrk (apt-get install wrk).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
site="${1:?usage: load.sh SITE [PAGES] [DURATION] [CONNECTIONS]}"
pages="${2:-all}"
duration="${3:-30s}"
connections="${4:-64}"
gazette="${GAZETTE:-$repo/.build/release/gazette}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

work="$(mktemp -d)"
log="$work/serve.log"
"$gazette" serve --site "$site" --port 0 >"$log" 2>&1 &
server=$!
trap 'kill -INT $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 600); do grep -q "Serving at" "$log" && break; sleep 0.1; done
url="$(grep -o 'http://[^ ]*/' "$log" | head -1)"
[ -n "$url" ] || { cat "$log" >&2; exit 1; }

# Article pages: /yyyy/mm/dd/slug/ in the sitemap.
curl -s "${url}sitemap.xml" > "$work/sitemap.xml"
sed -n 's|.*<loc>\([^<]*\)</loc>.*|\1|p' "$work/sitemap.xml" | sed "s|^${url%/}||" \
  | grep -E '^/[0-9]{4}/[0-9]{2}/[0-9]{2}/[^/]+/$' > "$work/all.txt" || true
if [ "$pages" = all ]; then cp "$work/all.txt" "$work/paths.txt"; else head -n "$pages" "$work/all.txt" > "$work/paths.txt"; fi
[ -s "$work/paths.txt" ] || { echo "no article pages in ${url}sitemap.xml" >&2; exit 1; }
head -1 "$log"
echo "$(wc -l < "$work/paths.txt") article pages from ${url}sitemap.xml"
curl -s -o /dev/null -w "one page: %{http_code}, %{size_download} bytes, %{content_type}\n" "${url%/}$(head -1 "$work/paths.txt")"
wrk -t2 -c"$connections" -d"$duration" --latency -s "$here/articles.lua" "$url" -- "$work/paths.txt"
