#!/usr/bin/env python3
"""Rendering benchmark: Penny's `--dump` against w3m, lynx, elinks and links.

For each page (a tiny page for start-up time, generated pages of 100 KB, 1 MB
and 10 MB, and a real 4 MB page, the 2012 WHATWG HTML spec) every browser
dumps the file at width 80 to /dev/null.  Measured per browser and page:
median wall time (hyperfine, no shell, 1 warm-up run) and peak RSS (one
separate run under GNU time, which also checks the output is non-empty).
Prints one table per page, then the targets marked PASS/FAIL, and saves every
number in OUT_DIR/results-rendering.json (the previous file is kept as
results-rendering.previous.json and Penny is compared against it).

Usage: rendering.py PENNY_BINARY SHARED_DIR OUT_DIR
Environment: BENCH_QUICK=1 uses 2 runs per page (for developing the bench).
Exit status 0 even when targets fail; 2 when the bench itself cannot run.
"""
import json
import os
import platform
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time

TINY_HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Tiny</title></head>
<body><h1>Tiny page</h1>
<p>A few hundred bytes to measure start-up time: <a href="next.html">a link</a>,
<b>bold</b> and <em>emphasis</em>.</p>
<ul><li>one</li><li>two</li></ul>
</body></html>
"""

# Each browser's command line; the page's path is appended.  Penny's is built from argv.
PEERS = {
    "w3m": ["w3m", "-dump", "-cols", "80"],
    "lynx": ["lynx", "-dump", "-force_html", "-width=80"],
    "elinks": ["elinks", "-no-home", "-dump", "-dump-width", "80"],
    "links": ["links", "-dump", "-width", "80"],
}
TIME_PEERS = ["w3m", "lynx", "elinks"]  # Penny must be faster than these on every page
RSS_PEER = "w3m"                         # Penny's peak RSS must be below this one's
LINEAR_MAX = 11.0                        # Penny's 10 MB time / 1 MB time
TIMEOUT_S = 300                          # one run of one browser
# Peak RSS needs GNU time: a child started by Python itself inherits Python's RSS
# high-water mark (about 15 MB), which hides every browser smaller than that.
GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def fail(msg):
    print("bench: " + msg, file=sys.stderr)
    sys.exit(2)


def pages(shared, out):
    """[(name, label, path, runs)], smallest first; generated pages are made when missing."""
    gen = os.path.join(shared, "bench", "gen-bench-page")
    spec = os.path.join(shared, "testdata", "pages", "whatwg-html5-spec-2012.html")
    if not os.path.isfile(spec):
        fail("missing real page " + spec)
    tiny = os.path.join(out, "page-tiny.html")
    if not os.path.isfile(tiny):
        with open(tiny, "w", encoding="utf-8") as f:
            f.write(TINY_HTML)
    generated = {}
    for name, size in (("100k", 100_000), ("1m", 1_000_000), ("10m", 10_000_000)):
        path = generated[name] = os.path.join(out, "page-%s.html" % name)
        if not os.path.isfile(path):
            print("generating %s" % path, flush=True)
            try:
                subprocess.run([sys.executable, gen, str(size), path + ".tmp"], check=True,
                               stdout=subprocess.DEVNULL)
            except (OSError, subprocess.CalledProcessError) as e:
                fail("page generator failed: %s" % e)
            os.replace(path + ".tmp", path)
    return [("tiny", "tiny page, start-up", tiny, 30),
            ("100k", "generated 100 KB", generated["100k"], 20),
            ("1m", "generated 1 MB", generated["1m"], 10),
            ("whatwg", "real page: WHATWG HTML spec 2012", spec, 7),
            ("10m", "generated 10 MB", generated["10m"], 5)]


def probe(argv, stem):
    """One run, output kept in STEM.txt: exit status, output size, peak RSS in KB."""
    wrap = [GNU_TIME, "-f", "%M", "-o", stem + ".rss"] if GNU_TIME else []
    with open(stem + ".txt", "wb") as f:
        proc = subprocess.Popen(wrap + argv, stdin=subprocess.DEVNULL, stdout=f,
                                stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            status = proc.wait(timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            return {"error": "timed out after %d s" % TIMEOUT_S}
    size = os.path.getsize(stem + ".txt")
    if status != 0:
        return {"error": "exit status %d" % status, "output_bytes": size}
    if size == 0:
        return {"error": "empty output"}
    rss = None
    if GNU_TIME:
        with open(stem + ".rss") as f:
            rss = int(f.read().split()[-1])
        os.remove(stem + ".rss")
    return {"peak_rss_kb": rss, "output_bytes": size}


def time_runs(argv, runs, json_path):
    """Hyperfine without a shell, output to /dev/null; statistics in ms."""
    cmd = ["hyperfine", "--shell=none", "--warmup", "1", "--runs", str(runs),
           "--style", "none", "--export-json", json_path, shlex.join(argv)]
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode != 0:
        return {"error": "hyperfine: " + (done.stderr.strip().splitlines() or ["failed"])[-1]}
    with open(json_path) as f:
        r = json.load(f)["results"][0]
    ms = lambda s: round(s * 1000, 2)
    return {"median_ms": ms(r["median"]), "mean_ms": ms(r["mean"]), "stddev_ms": ms(r["stddev"] or 0),
            "min_ms": ms(r["min"]), "max_ms": ms(r["max"]), "times_ms": [ms(t) for t in r["times"]]}


def get(page, browser, key):
    return page["results"].get(browser, {}).get(key)


def ratio(a, b):
    return "%.2fx" % (a / b) if a and b else "-"


def mb(kb):
    return "%.1f" % (kb / 1024) if kb else "-"


def ratios(results, key, peer):
    """'tiny 0.50x 100k 0.40x ...': Penny / PEER for KEY on every page."""
    return " ".join("%s %s" % (pg["name"], ratio(get(pg, "penny", key), get(pg, peer, key))) for pg in results)


def print_table(page):
    print("\n%s: %s, %s bytes, %d runs" % (page["name"], page["label"], format(page["bytes"], ","), page["runs"]))
    print("  %-8s %10s %10s %11s %11s" % ("browser", "median ms", "peak MB", "penny/time", "penny/RSS"))
    for name, r in page["results"].items():
        if "error" in r:
            print("  %-8s  error: %s" % (name, r["error"]))
            continue
        peer = name != "penny"
        print("  %-8s %10.1f %10s %11s %11s" % (
            name, r["median_ms"], mb(r["peak_rss_kb"]),
            ratio(get(page, "penny", "median_ms"), r["median_ms"]) if peer else "",
            ratio(get(page, "penny", "peak_rss_kb"), r["peak_rss_kb"]) if peer else ""))


def below(results, key, peer):
    """Penny's KEY is below PEER's on every page (and was measured)."""
    return all(get(pg, "penny", key) and get(pg, peer, key) and get(pg, "penny", key) < get(pg, peer, key)
               for pg in results)


def targets(results):
    """[(description, passed, detail)]"""
    checks = [("Penny faster than %s on every page" % peer, below(results, "median_ms", peer),
               "time ratio " + ratios(results, "median_ms", peer)) for peer in TIME_PEERS]
    checks.append(("Penny peak RSS below %s's on every page" % RSS_PEER, below(results, "peak_rss_kb", RSS_PEER),
                   "RSS ratio " + ratios(results, "peak_rss_kb", RSS_PEER)))

    page = {pg["name"]: pg for pg in results}
    growth = {b: get(page["10m"], b, "median_ms") / get(page["1m"], b, "median_ms")
              for b in ["penny"] + list(PEERS) if get(page["10m"], b, "median_ms") and get(page["1m"], b, "median_ms")}
    checks.append(("Time grows linearly: Penny's 10 MB time / 1 MB time <= %gx" % LINEAR_MAX,
                   growth.get("penny", LINEAR_MAX + 1) <= LINEAR_MAX,
                   " ".join("%s %.1fx" % kv for kv in growth.items())))

    tp, tw = get(page["tiny"], "penny", "median_ms"), get(page["tiny"], "w3m", "median_ms")
    checks.append(("Start-up (tiny page) no slower than w3m", bool(tp and tw and tp <= tw),
                   "penny %s ms, w3m %s ms, ratio %s" % (tp, tw, ratio(tp, tw))))
    return checks


def compare_previous(previous, results):
    old = {pg["name"]: pg for pg in previous.get("pages", [])}
    lines = ["  %-7s time %9.1f -> %9.1f ms (%s)   RSS %7s -> %7s MB (%s)" % (
        pg["name"], get(old[pg["name"]], "penny", "median_ms"), get(pg, "penny", "median_ms"),
        ratio(get(pg, "penny", "median_ms"), get(old[pg["name"]], "penny", "median_ms")),
        mb(get(old[pg["name"]], "penny", "peak_rss_kb")), mb(get(pg, "penny", "peak_rss_kb")),
        ratio(get(pg, "penny", "peak_rss_kb"), get(old[pg["name"]], "penny", "peak_rss_kb")))
        for pg in results
        if pg["name"] in old and get(old[pg["name"]], "penny", "median_ms") and get(pg, "penny", "median_ms")]
    if lines:
        print("\nPenny now against the previous run (%s):" % previous.get("date", "?"))
        print("\n".join(lines))


def save(out, record):
    path = os.path.join(out, "results-rendering.json")
    previous = None
    if os.path.isfile(path):
        try:
            with open(path) as f:
                previous = json.load(f)
            os.replace(path, os.path.join(out, "results-rendering.previous.json"))
        except (OSError, ValueError):
            previous = None
    fd, tmp = tempfile.mkstemp(dir=out, suffix=".json")
    with os.fdopen(fd, "w") as f:
        json.dump(record, f, indent=1)
    os.replace(tmp, path)
    return path, previous


def main():
    if len(sys.argv) != 4:
        fail("usage: rendering.py PENNY_BINARY SHARED_DIR OUT_DIR")
    penny, shared, out = (os.path.abspath(a) for a in sys.argv[1:])
    if not (os.path.isfile(penny) and os.access(penny, os.X_OK)):
        fail("Penny binary not found or not executable: " + penny)
    if not shutil.which("hyperfine"):
        fail("hyperfine is missing: apt-get install hyperfine (or make bench-deps)")
    if not GNU_TIME:
        print("bench: /usr/bin/time is missing, peak RSS not measured (apt-get install time)", file=sys.stderr)
    quick = os.environ.get("BENCH_QUICK") == "1"
    dumps = os.path.join(out, "dumps")
    os.makedirs(dumps, exist_ok=True)

    browsers = {"penny": [penny, "--dump", "--width", "80"]}
    for name, argv in PEERS.items():
        if shutil.which(argv[0]):
            browsers[name] = argv
        else:
            print("bench: %s is missing, skipped (apt-get install %s)" % (name, name), file=sys.stderr)

    load_before = os.getloadavg()[0]
    results = []
    for name, label, path, runs in pages(shared, out):
        runs = 2 if quick else runs
        page = {"name": name, "label": label, "path": path, "bytes": os.path.getsize(path),
                "runs": runs, "results": {}}
        print("measuring %s:" % name, end="", flush=True)
        for browser, argv in browsers.items():
            print(" " + browser, end="", flush=True)
            cmd = argv + [path]
            stem = os.path.join(dumps, "%s.%s" % (name, browser))
            r = probe(cmd, stem)
            if "error" not in r:
                r.update(time_runs(cmd, runs, stem + ".hyperfine.json"))
            page["results"][browser] = dict(r, command=shlex.join(cmd))
        print(flush=True)
        results.append(page)

    load = [round(load_before, 2), round(os.getloadavg()[0], 2)]
    print("\n=== Rendering: dump at width 80 to /dev/null (median wall time, peak RSS) ===")
    print("load average before/after: %.2f/%.2f on %d CPUs (other work on the machine skews wall times)"
          % (load[0], load[1], os.cpu_count()))
    print("penny/time and penny/RSS are Penny / that browser: 0.45x = Penny needs 45% of its time or memory")
    for page in results:
        print_table(page)

    checks = targets(results)
    print("\n=== Targets ===")
    for desc, passed, detail in checks:
        print("  %s  %s\n        %s" % ("PASS" if passed else "FAIL", desc, detail))
    print("  info  links (no target): time ratio %s\n        RSS ratio %s" % (
        ratios(results, "median_ms", "links"), ratios(results, "peak_rss_kb", "links")))

    path, previous = save(out, {
        "benchmark": "rendering",
        "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "host": {"platform": platform.platform(), "cpus": os.cpu_count(), "load_before_after": load},
        "penny_binary": penny,
        "quick": quick,
        "pages": results,
        "targets": [{"target": d, "pass": p, "detail": det} for d, p, det in checks],
    })
    if previous:
        compare_previous(previous, results)
    print("\nraw numbers: %s (outputs and hyperfine JSON in %s)" % (path, dumps))
    return 0


if __name__ == "__main__":
    sys.exit(main())
