#!/usr/bin/env python3
"""Save-to-reload time of `gazette serve` on a large archive.

Starts `gazette serve --port 0` on a site, keeps one live-reload connection open
(as a browser tab does), then saves one article at a time and measures, on the
client side, the time from the save to the `reload` event arriving. Half the
saves write the file in place, half write a temporary file and rename it over
the article (as many editors do). After each save the article's page is fetched
to check that it shows the edit.

usage: save_to_reload.py --gazette .build/release/gazette --site DIR [--runs 20]
       save_to_reload.py --gazette ... --articles 10000   # generates DIR/Content first
"""
import argparse, os, random, re, shutil, socket, statistics, subprocess, sys, tempfile, time, urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def make_site(folder, articles, generator):
    os.makedirs(folder, exist_ok=True)
    if not os.path.isdir(os.path.join(folder, "Content")):
        subprocess.run([sys.executable, generator, str(articles), os.path.join(folder, "Content")], check=True,
                       stdout=subprocess.DEVNULL)
    if not os.path.isdir(os.path.join(folder, "Templates")):
        shutil.copytree(os.path.join(REPO, "Templates"), os.path.join(folder, "Templates"))
    if not os.path.exists(os.path.join(folder, "site.yml")):
        shutil.copy(os.path.join(REPO, "site.yml"), os.path.join(folder, "site.yml"))


def start_server(gazette, site):
    started = time.monotonic()
    process = subprocess.Popen([gazette, "serve", "--site", site, "--port", "0"], stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True, bufsize=1)
    lines = []
    for line in process.stdout:
        lines.append(line.rstrip())
        m = re.search(r"Serving at (http://\S+/)", line)
        if m:
            return process, m.group(1), time.monotonic() - started, lines
    raise SystemExit("server did not start:\n" + "\n".join(lines))


class EventStream:
    """One open /_gazette/events connection, read as raw bytes."""

    def __init__(self, host, port):
        self.sock = socket.create_connection((host, port))
        self.sock.sendall(b"GET /_gazette/events HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n")
        self.buffer = b""
        self.wait_for(b"event: hello", 30)

    def wait_for(self, marker, timeout):
        deadline = time.monotonic() + timeout
        while marker not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(marker)
            self.sock.settimeout(left)
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("stream closed")
            self.buffer += chunk
        arrived = time.monotonic()
        self.buffer = self.buffer[self.buffer.index(marker) + len(marker):]
        return arrived


def page_path(text):
    """The article's URL under the sample site.yml's permalink: /:year/:month/:day/:slug/."""
    m = re.search(r"^date:\s*\"?(\d{4})-(\d{2})-(\d{2})", text, re.M)
    return m and "/%s/%s/%s/" % m.groups()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--gazette", default=os.path.join(REPO, ".build/release/gazette"))
    parser.add_argument("--site", help="the site (default: a new temporary folder)")
    parser.add_argument("--articles", type=int, default=10000, help="articles to generate when the site has no Content/")
    parser.add_argument("--generator", default=os.path.join(REPO, "..", "shared", "bench", "gen_corpus.py"))
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--pause", type=float, default=0.5, help="seconds between saves")
    args = parser.parse_args()

    site = args.site or tempfile.mkdtemp(prefix="gazette-serve-bench-")
    make_site(site, args.articles, args.generator)
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(os.path.join(site, "Content")) for f in fs if f.endswith(".md"))
    print("site: %s (%d articles)" % (site, len(files)))

    process, url, startup, lines = start_server(args.gazette, site)
    print("first build and bind: %.2f s; %s" % (startup, lines[0] if lines else ""))
    host, port = re.match(r"http://([^:/]+):(\d+)/", url).groups()
    stream = EventStream(host, int(port))
    rng = random.Random(7)
    load_before = os.getloadavg()[0]
    times = []
    try:
        for run in range(args.runs):
            path = rng.choice(files)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            marker = "Edit %d %d." % (run, rng.randrange(10**9))
            new = text.rstrip("\n") + "\n\n" + marker + "\n"
            saved = time.monotonic()
            if run % 2:
                temporary = os.path.join(os.path.dirname(path), ".%s.tmp" % os.path.basename(path))
                with open(temporary, "w", encoding="utf-8") as f:
                    f.write(new)
                os.rename(temporary, path)
            else:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(new)
            arrived = stream.wait_for(b"event: reload", 30)
            times.append((arrived - saved) * 1000)
            slug = page_path(text)
            if slug:
                body = urllib.request.urlopen(url.rstrip("/") + slug + os.path.basename(path)[:-3] + "/").read().decode()
                if marker not in body:
                    print("warning: %s does not show the edit" % path)
            time.sleep(args.pause)
    finally:
        status = open("/proc/%d/status" % process.pid).read()
        rss = re.search(r"VmHWM:\s*(\d+)", status)
        process.terminate()
        output = process.communicate(timeout=30)[0]
    print("load average (1 min) before and after: %.1f, %.1f on %d cores" % (load_before, os.getloadavg()[0], os.cpu_count()))
    told = [int(m) for m in re.findall(r"told (\d+) ms after the save", output)]
    times.sort()
    print("saves: %d" % len(times))
    print("save -> reload event received, client side: median %.0f ms, p90 %.0f ms, max %.0f ms"
          % (statistics.median(times), times[int(len(times) * 0.9) - 1], times[-1]))
    if told:
        told.sort()
        print("first change seen -> event sent, server side: median %d ms, max %d ms" % (statistics.median(told), told[-1]))
    rebuilt = [float(m) for m in re.findall(r"Rebuilt in (\d+) ms", output)]
    if rebuilt:
        print("incremental rebuild alone: median %.0f ms" % statistics.median(rebuilt))
    if rss:
        print("server peak memory: %.0f MiB" % (int(rss.group(1)) / 1024))


if __name__ == "__main__":
    main()
