"""`make bench`, served: wrk against the server `make run` starts (gunicorn.conf.py, 2 workers, no
access log), each page as a ratio to a bare WSGI app (bench/hello.py) on the same configuration,
measured in the same run, before and after each page.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.utils import translation

from advisor import content
from advisor.answers import Wizard
from tests.browser.production import _wait_for, free_port, production_server

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).with_name("gunicorn")
WRK = ["wrk", "--threads", "2", "--connections", "16", "--header", "Accept-Encoding: gzip"]
SECONDS = 2
ROUNDS = 3  # runs of each page, each between two of the yardstick; the median counts
VERDICT_QUERY = (
    "cpu_arch=x86_64&hw_virt=yes&host_os=rhel&existing=new_server&expertise=beginner"
    "&guest_os=linux&guest_os=windows&live_migration=required&priority=linux_integration&vendor=red_hat"
)
# Every visitor page and the API, for wrk: (name, path).
SERVED = [
    ("home", "/en/"),
    ("comparison", "/en/compare/"),
    ("comparison, differences", "/ru/compare/?show=differences"),
    ("sources", "/es/sources/"),
    ("wizard, first step", "/en/advisor/"),
    ("wizard, guests step", "/es/advisor/guests/?cpu_arch=x86_64&hw_virt=yes&host_os=rhel"),
    ("verdict page", f"/es/advisor/verdict/?{VERDICT_QUERY}"),
    ("JSON API, verdict", f"/api/v1/verdict?{VERDICT_QUERY}&lang=ru"),
    ("JSON API, comparison", "/api/v1/comparison?lang=es"),
    ("OpenAPI document", "/api/v1/openapi.json"),
    ("robots.txt", "/robots.txt"),
]
SEEN_RATIO, NEVER_SEEN_RATIO = 0.5, 0.2

NEVER_SEEN = """
local questions = {%(questions)s}
local prefix = "%(prefix)s"
local suffix = "%(suffix)s"
local counter = 0
function setup(thread) counter = counter + 1; thread:set("id", counter) end
function init(args) math.randomseed(os.time() * 1000 + id) end
function request()
  local parts = {}
  for _, q in ipairs(questions) do
    if math.random() < 0.9 then
      if q[3] then
        for _, code in ipairs(q[2]) do
          if math.random() < 0.4 then parts[#parts + 1] = q[1] .. "=" .. code end
        end
      else
        parts[#parts + 1] = q[1] .. "=" .. q[2][math.random(#q[2])]
      end
    end
  end
  -- The same answers in another order are another address: never served from the cache.
  for i = #parts, 2, -1 do
    local j = math.random(i)
    parts[i], parts[j] = parts[j], parts[i]
  end
  return wrk.format("GET", prefix .. table.concat(parts, "&") .. suffix)
end
"""


def never_seen_script(wizard: Wizard, prefix: str, suffix: str = "") -> str:
    questions = []
    for step in wizard.steps:
        for q in step.questions:
            codes = ", ".join(f'"{option.code}"' for option in q.options)
            questions.append(f'{{"{q.code}", {{{codes}}}, {str(q.kind == "many").lower()}}}')
    return NEVER_SEEN % {"questions": ", ".join(questions), "prefix": prefix, "suffix": suffix}


def wrk(url: str, script: str | None = None) -> tuple[float, int]:
    """Requests a second, and how many answers were not 2xx/3xx or failed."""
    command = [*WRK, "--duration", f"{SECONDS}s"]
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as lua:
        if script:
            lua.write(script)
            lua.flush()
            command += ["--script", lua.name]
        output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1])  # type: ignore[index]
    bad = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", output))
    bad += sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    return rps, bad


@contextmanager
def hello_server() -> Iterator[str]:
    port = free_port()
    env = {**os.environ, "WEB_CONCURRENCY": "2", "ACCESS_LOG": ""}
    command = [
        str(GUNICORN),
        "bench.hello",
        "-c",
        "gunicorn.conf.py",
        "--bind",
        f"127.0.0.1:{port}",
    ]
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    try:
        _wait_for(f"http://127.0.0.1:{port}/", server)
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait(timeout=10)


def measure(
    base: str,
    hello: str,
    seen: list[tuple[str, str]],
    unseen: list[tuple[str, str]],
    rounds: int = ROUNDS,
) -> tuple[float, list[tuple[str, float, float, int, str]]]:
    """The yardstick's median, and (name, rps, ratio, failures, kind) per measured URL.

    Each page runs between two runs of the yardstick and is divided by their mean: load from
    elsewhere on the machine weighs on both sides of each ratio alike. That is done `rounds`
    times per page, and the median round counts: a burst of load elsewhere spoils one round, not
    the figure.
    """
    runs: list[tuple[str, str, str, str | None]] = [
        ("seen", name, base + path, None) for name, path in seen
    ]
    runs += [("never seen", name, base + "/", script) for name, script in unseen]
    yardstick = [wrk(hello)[0]]
    rows = []
    for kind, name, url, script in runs:
        if script is None:
            urllib.request.urlopen(url, timeout=10).read()  # served once before
        measured = []
        for _ in range(rounds):
            rps, failed = wrk(url, script)
            yardstick.append(wrk(hello)[0])
            measured.append((rps / statistics.mean(yardstick[-2:]), rps, failed))
        ratio, rps, _failed = sorted(measured)[len(measured) // 2]
        rows.append((name, rps, ratio, sum(f for _r, _rps, f in measured), kind))
    return statistics.median(yardstick), rows


def served(names: list[str] | None, rounds: int = ROUNDS) -> list[tuple[str, float, float]]:
    """(what, ratio to hello, target ratio) for every page wrk measured (`names`: those only)."""
    with translation.override("en"):
        wizard = content.wizard()
    unseen = [
        ("verdict page", never_seen_script(wizard, "/es/advisor/verdict/?")),
        ("JSON API, verdict", never_seen_script(wizard, "/api/v1/verdict?", "&lang=ru")),
    ]
    chosen = [page for page in SERVED if not names or any(n in page[0] for n in names)]
    unseen = [page for page in unseen if not names or any(n in page[0] for n in names)]
    with production_server() as base, hello_server() as hello:
        yardstick, measured = measure(base, hello, chosen, unseen, rounds)
    print(
        f"\n4. Served by gunicorn (2 workers), wrk 16 connections, {rounds} runs of {SECONDS} s each"
        " (the median run)"
    )
    print(f"   bare WSGI app on the same configuration: {yardstick:.0f} requests/s (median)")
    print(f"   {'page':<28}{'kind':<12}{'req/s':>8}{'× hello':>9}{'target':>8}{'failed':>8}")
    results = []
    for name, rps, ratio, failed, kind in measured:
        target = SEEN_RATIO if kind == "seen" else NEVER_SEEN_RATIO
        ratio = 0.0 if failed else ratio  # an error page served fast proves nothing
        results.append((f"{name} ({kind})", ratio, target))
        print(f"   {name:<28}{kind:<12}{rps:>8.0f}{ratio:>9.2f}{target:>8.1f}{failed:>8}")
    return results
