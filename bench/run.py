"""`make bench`: speed and memory figures, each against its target, all taken in one run.

Figures come from one process on one machine, so read them side by side: the ratios between pages
and between the engine and a page say more than any single number. Nothing here is a test; the
suite asserts behaviour. Exit status 1 when a target is missed.

1. The verdict engine over every combination of valid answers to the seeded questions, and the
   rule admin's "Preview impact" (advisor/impact.py) over every combination, unanswered included,
   and its "Verdict map" page.
2. Each page rendered in-process by Django's test client with the page cache empty: median and
   95th-percentile time, database queries, response size, and the Python memory one render
   allocates at its peak.
3. The comparison at 18 and at 500 rows: queries of a render, and the time of a served page.
4. The server `make run` starts, with wrk, as a ratio to a bare WSGI app (bench/serve.py): pages
   served once before, and verdicts no one asked for before.

`--only PART` runs some of these (engine, pages, rows, served); `--page NAME` limits the served
part to the pages whose name holds NAME; `--rounds N` runs each page N times (the median counts).
From make: `make bench BENCH_ARGS="--only served --page verdict"`.
"""

from __future__ import annotations

import argparse
import io
import itertools
import os
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
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

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402
from django.utils import translation  # noqa: E402

from advisor import content  # noqa: E402
from advisor.engine import decide_readings  # noqa: E402
from advisor.models import Question, Rule  # noqa: E402
from bench import serve  # noqa: E402
from comparison.models import Criterion  # noqa: E402
from tests.factories import make_rows  # noqa: E402

PAGES = [
    ("home", "/en/", {}),
    ("comparison", "/en/compare/", {}),
    ("comparison, htmx filter", "/ru/compare/?show=differences", {"HX-Request": "true"}),
    ("sources", "/es/sources/", {}),
    ("wizard, first step", "/en/advisor/", {}),
    ("verdict page", f"/es/advisor/verdict/?{serve.VERDICT_QUERY}", {}),
    (
        "verdict, htmx what-if",
        f"/es/advisor/verdict/?{serve.VERDICT_QUERY}",
        {"HX-Request": "true"},
    ),
    ("JSON API", f"/api/v1/verdict?{serve.VERDICT_QUERY}&lang=ru", {}),
]
ROUNDS = 60

# Targets: what a visitor on this 2-core machine should never wait for.
TARGETS = {
    "engine_us": 100.0,  # both readings' verdicts for one set of answers, mean, microseconds
    "preview_s": 3.0,  # the rule admin's "Preview impact" over every combination of answers
    "verdict_map_s": 2.0,  # the admin's "Verdict map" page, rules deciding the most verdicts included
    "page_p95_ms": 80.0,  # any page rendered in-process, 95th percentile
    "page_queries": 12,  # database queries for any one page
    "page_peak_mb": 8.0,  # Python memory one render allocates at its peak
    "rss_mb": 250.0,  # the whole benchmark process at the end
    "rows_extra_queries": 0,  # queries a comparison render adds from 18 to 500 rows
    # Time to serve the comparison at 500 rows ÷ at 18 rows (28 times the rows): only the copy of
    # a larger compressed body may grow.
    "rows_served_growth": 2.0,
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
        outcomes[decide_readings(answers, rules).today.outcome] += 1
    elapsed = time.perf_counter() - start
    print(
        f"\n1. Verdict engine: {len(combos):,} answer combinations, "
        f"{len(rules.today)} rules today, {len(rules.articles)} per the articles"
    )
    print(f"   {elapsed:.2f} s in all, {elapsed / len(combos) * 1e6:.1f} µs for both verdicts")
    print("   today's outcomes: " + ", ".join(f"{k} {v:,}" for k, v in sorted(outcomes.items())))
    return {"engine_us": elapsed / len(combos) * 1e6}


def impact_preview() -> dict[str, float]:
    """The rule admin's "Preview impact": one seeded rule edited to give KVM more points."""
    from advisor import preview

    rule = Rule.objects.filter(effect="prefer", hypervisor="xen").order_by("code")[0]
    rule.hypervisor, rule.points = "kvm", 3
    options = list(rule.conditions.select_related("question"))
    with translation.override("en"):
        content.rules(), content.wizard()  # built once per content version, as on the site
        start = time.perf_counter()
        total, moves = preview.moves(rule.code, rule, options)
        elapsed = time.perf_counter() - start
    changed = sum(move.count for move in moves)
    print(
        f"\n1b. Impact preview: {rule.code} to KVM, 3 points, over {total:,} combinations per reading"
    )
    print(f"   {elapsed:.2f} s; {changed:,} verdicts change in {len(moves)} ways (both readings)")
    return {"preview_s": elapsed}


def verdict_map() -> dict[str, float]:
    """The admin's "Verdict map" page, in Russian, with the rules and questions already built."""
    from django.contrib.auth.models import User

    client = Client(headers={"Accept-Language": "ru"})
    client.force_login(User.objects.create_superuser("bench-editor", password=None))
    with translation.override("ru"):
        content.rules(), content.wizard()
    start = time.perf_counter()
    response = client.get("/admin/advisor/rule/verdict-map/")
    elapsed = time.perf_counter() - start
    assert response.status_code == 200, response.status_code
    print(f"\n1c. Verdict map page: {elapsed:.2f} s, {len(response.content) / 1024:.0f} KB")
    return {"verdict_map_s": elapsed}


def pages() -> dict[str, float]:
    client = Client()
    print(
        f"\n2. Pages rendered in-process, page cache empty ({ROUNDS} renders each after a warm-up)"
    )
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
            cache.clear()  # a render, not a cache hit
            start = time.perf_counter()
            client.get(url, headers=headers)
            times.append((time.perf_counter() - start) * 1000)
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, headers=headers)
        query_count = len(queries)  # read now: the next request resets the query log
        cache.clear()
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


def _served_us(path: str, rounds: int = 300) -> float:
    """Median microseconds to serve a page from the cache, as gunicorn calls the site."""
    from config.wsgi import application

    environ: dict[str, object] = {"REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": ""}
    environ.update(HTTP_HOST="testserver", HTTP_ACCEPT_ENCODING="gzip")
    environ.update({"wsgi.url_scheme": "http", "SERVER_NAME": "testserver", "SERVER_PORT": "80"})
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        request = {**environ, "wsgi.input": io.BytesIO(), "wsgi.errors": sys.stderr}
        b"".join(application(request, lambda *args: None))
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e6


def rows() -> dict[str, float]:
    client, figures = Client(), {}
    print("\n3. The comparison at 18 and 500 rows")
    print(f"   {'rows':>6}{'render queries':>16}{'render ms':>11}{'served µs':>11}")
    for count in (Criterion.objects.count(), 500):
        if Criterion.objects.count() < count:
            make_rows(count - Criterion.objects.count(), prefix="bench")
        cache.clear()
        queries: list[str] = []

        def counted(execute, sql, params, many, context, queries=queries):
            queries.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counted):
            start = time.perf_counter()
            assert client.get("/en/compare/").status_code == 200
            render_ms = (time.perf_counter() - start) * 1000
        figures[count] = (len(queries), _served_us("/en/compare/"))
        print(f"   {count:>6}{len(queries):>16}{render_ms:>11.1f}{figures[count][1]:>11.0f}")
    (small_q, small_t), (large_q, large_t) = figures.values()
    return {"rows_extra_queries": large_q - small_q, "rows_served_growth": large_t / small_t}


PARTS = ("engine", "pages", "rows", "served")


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", choices=PARTS, help="run this part (repeatable)")
    parser.add_argument(
        "--page", action="append", help="served: only pages whose name contains this (repeatable)"
    )
    parser.add_argument("--rounds", type=int, default=serve.ROUNDS, help="served: runs per page")
    return parser.parse_args()


def main() -> int:
    options = arguments()
    parts = set(options.only or PARTS)
    call_command("migrate", verbosity=0)
    call_command("seed", verbosity=0)
    print(
        f"Benchmark on {os.cpu_count()} cores, Python {sys.version.split()[0]}, SQLite at {DATABASE}"
    )
    figures: dict[str, float] = {}
    with override_settings(
        STORAGES={
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
        },
        ALLOWED_HOSTS=["testserver"],
    ):
        for part, measure in (
            ("engine", engine),
            ("engine", impact_preview),
            ("engine", verdict_map),
            ("pages", pages),
        ):
            figures.update(measure() if part in parts else {})
        figures.update(rows() if "rows" in parts else {})
    ratios = serve.served(options.page, options.rounds) if "served" in parts else []
    figures["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\n5. Benchmark process: {figures['rss_mb']:.0f} MB peak resident memory")
    print("\nTargets")
    missed = []
    for key, target in TARGETS.items():
        if key not in figures:
            continue
        value = figures[key]
        ok = value <= target
        missed += [] if ok else [key]
        print(f"   {key:<28} {value:>9.2f}  target ≤ {target:<7} {'met' if ok else 'MISSED'}")
    for name, ratio, target in ratios:
        ok = ratio >= target
        missed += [] if ok else [name]
        print(f"   {name:<32} {ratio:>5.2f}×  target ≥ {target}× {'met' if ok else 'MISSED'}")
    print("\nMissed: " + ", ".join(missed) if missed else "\nEvery target met.")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
