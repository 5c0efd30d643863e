#!/usr/bin/env bash
# Gazette beside Hugo with ../shared/bench/compare.py, run with one fix: Gazette's pages are counted
# right after Gazette's own run. As shipped, compare.py counts them after the last Hugo run, whose
# preparation deletes Gazette's output, so it finds none and stops without a ratio.
#
#   scripts/compare.sh [N] [WORK]    N articles (10000); WORK=/dev/shm/gvh puts both builds on tmpfs
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED_BENCH:-$here/../shared/bench}
n=${1:-10000}
work=${2:-}
[ -x "$here/.build/release/gazette" ] || { echo "build first: make build" >&2; exit 1; }
fixed=$(mktemp --suffix=.py)
trap 'rm -f "$fixed"' EXIT
python3 - "$shared/compare.py" "$fixed" "$shared" <<'PY'
import sys
source, target, shared = sys.argv[1:]
text = open(source).read()
run = '                res = timed([gz, "build", "--site", gsite, "--quiet"], gsite)\n'
counted = '    g_pages = count(gout, "index.html")\n'
here = 'HERE = os.path.dirname(os.path.abspath(__file__))\n'
if run not in text or counted not in text or here not in text:
    sys.exit("compare.py is not the version this script fixes: compare its page count by hand")
text = text.replace(here, "HERE = %r\n" % shared)
text = text.replace(run, run + '                g_pages_seen = count(gout, "index.html")\n')
text = text.replace(counted, "    g_pages = g_pages_seen\n")
open(target, "w").write(text)
PY
args=(--gazette "$here/.build/release/gazette" --templates "$here/Templates" -n "$n")
if [ -n "$work" ]; then args+=(--work "$work"); fi
python3 "$fixed" "${args[@]}"
