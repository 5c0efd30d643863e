#!/usr/bin/env python3
"""Times rebuilds of two gazette binaries in alternating rounds, so that the machine's drift hits both.

usage: alternate.py ROUNDS BINARY_A SITE_A BINARY_B SITE_B

Each site is a built archive (scripts/bench.sh leaves one); give each binary its own copy, so that
neither reuses the other's cache. Per round and binary: a paragraph is appended to the site's first
article (sorted by path) and the site rebuilt ("edit"), then rebuilt again ("nothing changed").
Prints the median, mean and least of each, in milliseconds: the figures docs/performance.md gives
as "before -> after". Swap the sites and run again to take the archives' own difference out.
"""
import glob, statistics, subprocess, sys, time


def main():
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    rounds = int(sys.argv[1])
    pairs = [(sys.argv[2], sys.argv[3]), (sys.argv[4], sys.argv[5])]
    times = {(kind, k): [] for kind in ("edit", "nothing changed") for k in range(2)}
    for r in range(rounds):
        for k, (binary, site) in enumerate(pairs):
            first = sorted(glob.glob(site + "/Content/**/*.md", recursive=True))[0]
            with open(first, "a") as f:
                f.write("\nA paragraph added in round %d.\n" % r)
            for kind in ("edit", "nothing changed"):
                start = time.perf_counter()
                subprocess.run([binary, "build", "--site", site, "--quiet"], check=True)
                times[(kind, k)].append(1000 * (time.perf_counter() - start))
    for kind in ("edit", "nothing changed"):
        for k, (binary, site) in enumerate(pairs):
            v = times[(kind, k)]
            print("%-15s %s on %s: median %.1f ms, mean %.1f, least %.1f"
                  % (kind, binary, site, statistics.median(v), statistics.mean(v), min(v)))


if __name__ == "__main__":
    main()
