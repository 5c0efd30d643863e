#!/usr/bin/env python3
"""Random edits to a copy of an archive; after each incremental build, the output must be a cold build's.

usage: soak.py BINARY SITE STEPS SEED [WORK]

SITE is left alone: the edits go to a copy in WORK (default /tmp/gazette-soak), and every step builds
that copy incrementally, then a second copy of its sources from scratch, and compares the two output
folders byte for byte. A step makes one to three edits: bodies (with GFM marks), titles, dates (past
and future), topics, summaries, drafts, aliases, short ids, bylines, `updated`, files added, deleted,
renamed or touched, a template, a stylesheet, and `site.yml` (page size, time zone). The same SEED
makes the same edits. Prints the first file that differs and stops; "ok" when none did.
The Swift test `IncrementalSoakTests` runs a small version of this in `make test`.
"""
import glob, os, random, re, shutil, subprocess, sys

WORDS = "harbour rain budget ~~struck~~ www.example.org **bold** [link](https://example.org/x) `code`".split()
TOPICS = ["Pakistan", "Economy", "Security", "Migration", "Climate", "Cricket", "Floods", "Elections 2024"]
KINDS = ["body", "title", "date", "future", "topic+", "topic-", "summary", "draft", "alias", "short", "author",
         "updated", "add", "delete", "rename", "touch", "template", "asset", "page size", "time zone"]


def build(binary, site):
    run = subprocess.run([binary, "build", "--site", site, "--quiet"], capture_output=True, text=True)
    return run.returncode, run.stderr


def front(text, line):
    """`text` with `line` added at the top of its front matter."""
    return text.replace("---\n", "---\n" + line + "\n", 1)


def set_config(work, key, value):
    path = os.path.join(work, "site.yml")
    config = re.sub(r"^%s: .*\n" % re.escape(key), "", open(path).read(), flags=re.M)
    open(path, "w").write(config + "%s: %s\n" % (key, value))


def edit(work, rng):
    """Makes one edit; returns what it did."""
    files = sorted(glob.glob(work + "/Content/**/*.md", recursive=True))
    path = rng.choice(files)
    text = open(path).read()
    kind = rng.choice(KINDS)
    if kind == "body":
        text += "\n" + " ".join(rng.choice(WORDS) for _ in range(20)) + "\n"
    elif kind == "title":
        text = re.sub(r"^title: .*$", 'title: "Retitled %d"' % rng.randrange(10**6), text, count=1, flags=re.M)
    elif kind == "date":
        text = re.sub(r"^date: .*$", "date: 20%02d-%02d-%02dT%02d:00:00+05:00" % (
            rng.randrange(5, 26), rng.randrange(1, 13), rng.randrange(1, 29), rng.randrange(24)), text, count=1, flags=re.M)
    elif kind == "future":
        text = re.sub(r"^date: .*$", "date: 2031-01-01T10:00:00+05:00", text, count=1, flags=re.M)
    elif kind == "topic+":
        text = re.sub(r"^topics: \[(.*)\]$", lambda m: 'topics: [%s"%s"]' % (m.group(1) + ", " if m.group(1) else "", rng.choice(TOPICS)),
                      text, count=1, flags=re.M)
    elif kind == "topic-":
        text = re.sub(r"^topics: \[.*\]$", "topics: []", text, count=1, flags=re.M)
    elif kind == "summary" and "summary:" not in text:
        text = front(text, 'summary: "A summary %d"' % rng.randrange(10**6))
    elif kind == "draft":
        text = text.replace("draft: true\n", "") if "draft: true\n" in text else front(text, "draft: true")
    elif kind == "alias" and "aliases:" not in text:
        text = front(text, "aliases: [/old/%d/]" % rng.randrange(10**6))
    elif kind == "short" and "short:" not in text:
        text = front(text, "short: s%d" % rng.randrange(10**6))
    elif kind == "author" and "author:" not in text:
        text = front(text, "author: [%s]" % rng.choice(["Ayesha Khan", "Omar Ali", "Sana Mir"]))
    elif kind == "updated" and "updated:" not in text:
        text = front(text, "updated: 2025-11-%02dT10:00:00+05:00" % rng.randrange(1, 29))
    elif kind == "add":
        number = rng.randrange(10**6)
        open(os.path.join(os.path.dirname(path), "added-%d.md" % number), "w").write(
            '---\ntitle: "Added %d"\ndate: 2025-%02d-%02dT10:00:00+05:00\ntopics: ["%s"]\n---\n\n%s\n' % (
                number, rng.randrange(1, 13), rng.randrange(1, 29), rng.choice(TOPICS), " ".join(rng.choice(WORDS) for _ in range(40))))
        return kind
    elif kind == "delete":
        os.remove(path)
        return kind
    elif kind == "rename":
        os.rename(path, path[:-3] + "-moved.md")
        return kind
    elif kind == "touch":
        os.utime(path)
        return kind
    elif kind == "template":
        template = rng.choice(sorted(glob.glob(work + "/Templates/**/*.mustache", recursive=True)))
        open(template, "a").write("\n{{! changed %d }}\n" % rng.randrange(10**6))
        return kind + " " + os.path.relpath(template, work)
    elif kind == "asset":
        sheets = sorted(glob.glob(work + "/Templates/assets/**/*.css", recursive=True)) or [work + "/Templates/assets/extra.css"]
        open(rng.choice(sheets), "a").write("\n/* %d */\n" % rng.randrange(10**6))
        return kind
    elif kind == "page size":
        set_config(work, "page_size", rng.choice([5, 10, 20]))
        return kind
    elif kind == "time zone":
        set_config(work, "time_zone", rng.choice(["UTC", "Asia/Karachi", "America/New_York"]))
        return kind
    open(path, "w").write(text)
    return kind


def first_difference(a, b):
    """The first line `diff -rq` gives for the two folders, or None when they are the same."""
    run = subprocess.run(["diff", "-rq", a, b], capture_output=True, text=True)
    return run.stdout.splitlines()[0] if run.returncode else None


def main():
    if len(sys.argv) not in (5, 6):
        sys.exit(__doc__)
    binary, site, steps, seed = os.path.abspath(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    base = sys.argv[5] if len(sys.argv) == 6 else "/tmp/gazette-soak"
    work, cold = os.path.join(base, "incremental"), os.path.join(base, "cold")
    rng = random.Random(seed)
    shutil.rmtree(base, ignore_errors=True)
    shutil.copytree(site, work, ignore=shutil.ignore_patterns("Output", ".gazette"))
    status, errors = build(binary, work)
    if status != 0:
        sys.exit("the archive does not build: " + errors)
    for step in range(steps):
        kinds = [edit(work, rng) for _ in range(rng.randrange(1, 4))]
        status, errors = build(binary, work)
        if status != 0:
            print("step %d %s: the build failed (edits may make an archive invalid): %s" % (step, kinds, errors.strip()[:200]))
            continue
        shutil.rmtree(cold, ignore_errors=True)
        shutil.copytree(work, cold, ignore=shutil.ignore_patterns("Output", ".gazette"))
        build(binary, cold)
        difference = first_difference(os.path.join(work, "Output"), os.path.join(cold, "Output"))
        if difference:
            print("step %d %s: the incremental and the cold output differ: %s" % (step, kinds, difference))
            sys.exit(1)
    print("ok: %d steps, seed %d, every incremental build the same as a cold one" % (steps, seed))


if __name__ == "__main__":
    main()
