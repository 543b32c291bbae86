"""`make bench`: speed and memory figures, each against its target, all taken in one run.

Figures come from one process on one machine, so read them side by side: the ratios between pages
and between the engine and a page say more than any single number. Nothing here is a test; the
suite asserts behaviour. Exit status 1 when a target is missed.

1. The verdict engine over every combination of valid answers to the seeded questions.
2. Each page rendered in-process by Django's test client: median and 95th-percentile time, database
   queries, response size, and the Python memory one render allocates at its peak.
3. The production server (gunicorn, DEBUG off, whitenoise): requests per second on loopback.
"""

from __future__ import annotations

import itertools
import os
import resource
import statistics
import sys
import tempfile
import threading
import time
import tracemalloc
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATABASE = Path(tempfile.mkdtemp(prefix="xenkvm-bench-")) / "bench.sqlite3"
os.environ["DATABASE_URL"] = f"sqlite:///{DATABASE}"
os.environ.pop("REDIS_URL", None)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402
from django.utils import translation  # noqa: E402

from advisor.models import Question, Rule  # noqa: E402
from advisor.verdict import verdicts  # noqa: E402
from tests.browser.production import production_server  # noqa: E402

VERDICT_QUERY = (
    "cpu_arch=x86_64&hw_virt=yes&host_os=rhel&existing=new_server&expertise=beginner"
    "&guest_os=linux&guest_os=windows&live_migration=required&priority=linux_integration&vendor=red_hat"
)
PAGES = [
    ("home", "/en/", {}),
    ("comparison", "/en/compare/", {}),
    ("comparison, htmx filter", "/ru/compare/?show=differences", {"HX-Request": "true"}),
    ("sources", "/es/sources/", {}),
    ("wizard, first step", "/en/advisor/", {}),
    ("verdict page", f"/es/advisor/verdict/?{VERDICT_QUERY}", {}),
    ("verdict, htmx what-if", f"/es/advisor/verdict/?{VERDICT_QUERY}", {"HX-Request": "true"}),
    ("JSON API", f"/api/v1/verdict?{VERDICT_QUERY}&lang=ru", {}),
]
ROUNDS = 60

# Targets: what a visitor on this 2-core machine should never wait for.
TARGETS = {
    "engine_us": 100.0,  # both readings' verdicts for one set of answers, mean, microseconds
    "page_p95_ms": 80.0,  # any page rendered in-process, 95th percentile
    "page_queries": 12,  # database queries for any one page
    "page_peak_mb": 8.0,  # Python memory one render allocates at its peak
    "rss_mb": 250.0,  # the whole benchmark process at the end
    "server_rps": 40.0,  # comparison pages per second through gunicorn (2 workers)
}


def engine() -> dict[str, float]:
    with translation.override("en"):
        wizard = Question.objects.for_wizard()
        rules = Rule.objects.for_engine()
    choices = []
    for step in wizard.steps:
        for question in step.questions:
            codes = [option.code for option in question.options]
            if question.kind == "many":
                subsets = itertools.chain.from_iterable(
                    itertools.combinations(codes, size) for size in range(len(codes) + 1)
                )
                choices.append([(question.code, frozenset(s)) for s in subsets])
            else:
                choices.append([(question.code, frozenset({code})) for code in codes])
    combos = [dict(c) for c in itertools.product(*choices)]
    outcomes: Counter[str] = Counter()
    start = time.perf_counter()
    for answers in combos:
        outcomes[verdicts(answers, rules).today.outcome] += 1
    elapsed = time.perf_counter() - start
    print(
        f"\n1. Verdict engine: {len(combos):,} answer combinations, "
        f"{len(rules.today)} rules today, {len(rules.articles)} per the articles"
    )
    print(f"   {elapsed:.2f} s in all, {elapsed / len(combos) * 1e6:.1f} µs for both verdicts")
    print("   today's outcomes: " + ", ".join(f"{k} {v:,}" for k, v in sorted(outcomes.items())))
    return {"engine_us": elapsed / len(combos) * 1e6}


def pages() -> dict[str, float]:
    client = Client()
    print(f"\n2. Pages in-process ({ROUNDS} renders each after a warm-up)")
    print(
        f"   {'page':<26}{'median ms':>10}{'p95 ms':>9}{'× home':>8}{'queries':>9}{'KB':>7}{'peak MB':>9}"
    )
    worst = {"page_p95_ms": 0.0, "page_queries": 0, "page_peak_mb": 0.0}
    home_median = None
    for name, url, headers in PAGES:
        response = client.get(url, headers=headers)
        assert response.status_code == 200, (url, response.status_code)
        times = []
        for _ in range(ROUNDS):
            start = time.perf_counter()
            client.get(url, headers=headers)
            times.append((time.perf_counter() - start) * 1000)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, headers=headers)
        query_count = len(queries)  # read now: the next request resets the query log
        tracemalloc.start()
        client.get(url, headers=headers)
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        median, p95 = statistics.median(times), statistics.quantiles(times, n=20)[-1]
        home_median = home_median or median
        print(
            f"   {name:<26}{median:>10.1f}{p95:>9.1f}{median / home_median:>8.1f}"
            f"{query_count:>9}{len(response.content) / 1024:>7.1f}{peak:>9.2f}"
        )
        worst["page_p95_ms"] = max(worst["page_p95_ms"], p95)
        worst["page_queries"] = max(worst["page_queries"], query_count)
        worst["page_peak_mb"] = max(worst["page_peak_mb"], peak)
    return worst


def server() -> dict[str, float]:
    with production_server() as base:
        url = base + "/en/compare/"
        urllib.request.urlopen(url).read()
        count, seconds, done = 0, 5.0, threading.Event()
        lock = threading.Lock()

        def load() -> None:
            nonlocal count
            while not done.is_set():
                urllib.request.urlopen(url, timeout=10).read()
                with lock:
                    count += 1

        threads = [threading.Thread(target=load) for _ in range(4)]
        start = time.perf_counter()
        for thread in threads:
            thread.start()
        time.sleep(seconds)
        done.set()
        for thread in threads:
            thread.join()
        rps = count / (time.perf_counter() - start)
    print("\n3. Production server on loopback (gunicorn, 2 workers, 4 clients, 5 s)")
    print(f"   comparison page: {rps:.0f} requests/s ({count} requests)")
    return {"server_rps": rps}


def main() -> int:
    call_command("migrate", verbosity=0)
    call_command("seed", verbosity=0)
    print(
        f"Benchmark on {os.cpu_count()} cores, Python {sys.version.split()[0]}, SQLite at {DATABASE}"
    )
    with override_settings(
        STORAGES={
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
        },
        ALLOWED_HOSTS=["testserver"],
    ):
        figures = {**engine(), **pages()}
    figures.update(server())
    figures["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\n4. Benchmark process: {figures['rss_mb']:.0f} MB peak resident memory")
    print("\nTargets")
    missed = 0
    for key, target in TARGETS.items():
        value = figures[key]
        ok = value >= target if key == "server_rps" else value <= target
        missed += not ok
        sign = "≥" if key == "server_rps" else "≤"
        print(f"   {key:<14} {value:>9.1f}  target {sign} {target:<7} {'met' if ok else 'MISSED'}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
