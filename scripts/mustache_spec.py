#!/usr/bin/env python3
"""Runs the Mustache specification's test data through `gazette render` and reports what passes.

usage: mustache_spec.py SPEC_DIR [GAZETTE]    (SPEC_DIR holds the spec's *.json files)

Each test's template, partials and data are written to a temporary folder; the command's output
must equal the expected text exactly. The one deliberate difference from the specification is
counted apart: a partial that does not exist is an error in Gazette, not an empty string.
"""
import json, os, subprocess, sys, tempfile


def run(spec_dir, gazette):
    totals, failures = {}, []
    for name in sorted(os.listdir(spec_dir)):
        if not name.endswith(".json"):
            continue
        tests = json.load(open(os.path.join(spec_dir, name), encoding="utf-8"))["tests"]
        passed = deliberate = 0
        for test in tests:
            with tempfile.TemporaryDirectory() as folder:
                template = os.path.join(folder, "template.mustache")
                open(template, "w", encoding="utf-8").write(test["template"])
                for partial, text in test.get("partials", {}).items():
                    open(os.path.join(folder, partial + ".mustache"), "w", encoding="utf-8").write(text)
                data = os.path.join(folder, "data.json")
                json.dump(test["data"], open(data, "w", encoding="utf-8"))
                result = subprocess.run([gazette, "render", template, "--data", data], capture_output=True)
                output = result.stdout.decode("utf-8")
                if result.returncode == 0 and output == test["expected"]:
                    passed += 1
                elif "unknown partial" in result.stderr.decode() or "unknown parent" in result.stderr.decode():
                    deliberate += 1
                else:
                    failures.append("%s: %s: expected %r, got %r %s" % (name, test["name"], test["expected"], output,
                                                                       result.stderr.decode().strip()))
        totals[name] = (passed, deliberate, len(tests))
    for name, (passed, deliberate, count) in totals.items():
        note = " (%d: a missing partial is an error, on purpose)" % deliberate if deliberate else ""
        print("%-22s %3d of %3d%s" % (name, passed, count, note))
    for failure in failures:
        print("FAIL " + failure)
    return 1 if failures else 0


if __name__ == "__main__":
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    sys.exit(run(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, ".build/release/gazette")))
