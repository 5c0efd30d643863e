#!/usr/bin/env python3
"""Parses every feed of a built site with feedparser and fails on any it flags (bozo) or finds empty.

usage: validate_feeds.py OUTPUT_DIR
"""
import json, os, sys

import feedparser


def main():
    root = sys.argv[1]
    failures, checked = [], 0
    for folder, _, files in os.walk(root):
        for name in files:
            path = os.path.join(folder, name)
            if name in ("feed.xml", "atom.xml"):
                checked += 1
                feed = feedparser.parse(path)
                if feed.bozo:
                    failures.append("%s: %s" % (path, feed.bozo_exception))
                elif not feed.feed.get("title") or "link" not in feed.feed:
                    failures.append("%s: no title or link" % path)
                for entry in feed.entries:
                    if not entry.get("title") or not entry.get("link"):
                        failures.append("%s: an entry without title or link" % path)
            elif name == "feed.json":
                checked += 1
                try:
                    document = json.load(open(path, encoding="utf-8"))
                    if document.get("version") != "https://jsonfeed.org/version/1.1" or "items" not in document:
                        failures.append("%s: not a JSON Feed 1.1 document" % path)
                except ValueError as error:
                    failures.append("%s: %s" % (path, error))
    for failure in failures:
        print(failure)
    print("%d feeds checked, %d problems" % (checked, len(failures)))
    return 1 if failures or not checked else 0


if __name__ == "__main__":
    sys.exit(main())
