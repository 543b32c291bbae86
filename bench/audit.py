"""`make audit`: Lighthouse's four category scores for the key pages in each language.

Runs Lighthouse 12 (bench/lighthouse, installed by `make audit` with npm ci) with Debian's Chromium
against the production server (tests/browser/production.py): gunicorn, DEBUG off, whitenoise's
compressed files. Mobile emulation with Lighthouse's default simulated slow 4G, unless
`--preset=desktop` is given. Writes reports/lighthouse/<lang>-<page>.json, prints a table and,
under it, every audit that cost a point. Exits 1 when a score is under 100.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.browser.pages import AUDITED, pages  # noqa: E402
from tests.browser.production import production_server  # noqa: E402

LIGHTHOUSE = ROOT / "bench" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
REPORTS = ROOT / "reports" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGET = 100


def audit(url: str, report: Path, extra: list[str]) -> dict:
    run = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={' '.join(CHROMIUM_ARGS)}",
            *extra,
        ],
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        capture_output=True,
        text=True,
    )
    if run.returncode != 0:
        # Lighthouse logs a great deal; the lines about the failure come last.
        lines = [line for line in run.stderr.splitlines() if "LH:status" not in line]
        tail = "\n".join(lines)[-3000:]
        raise SystemExit(f"Lighthouse failed on {url} (exit {run.returncode}):\n{tail}")
    return json.loads(report.read_text())


def lost_points(result: dict) -> list[str]:
    """The weighted audits of each category that did not score full marks."""
    lines = []
    for name in CATEGORIES:
        for ref in result["categories"][name]["auditRefs"]:
            item = result["audits"][ref["id"]]
            if ref["weight"] and item["score"] is not None and item["score"] < 1:
                shown = item.get("displayValue", "")
                lines.append(f"    {name}: {item['id']} {item['score']:.2f} {shown}".rstrip())
    return lines


def main(extra: list[str]) -> int:
    if not LIGHTHOUSE.exists():
        print("Lighthouse is missing: `make audit` installs it (npm ci in bench/lighthouse).")
        return 2
    REPORTS.mkdir(parents=True, exist_ok=True)
    rows, details = [], []
    with production_server() as base:
        for language, page in pages(AUDITED):
            name = f"{language}-{page.name}"
            result = audit(base + page.url(language), REPORTS / f"{name}.json", extra)
            scores = [round(result["categories"][c]["score"] * 100) for c in CATEGORIES]
            rows.append((name, scores))
            details.extend([f"  {name}", *lost_points(result)] if min(scores) < TARGET else [])
    print(f"\n{'page':<22}" + "".join(f"{c:>16}" for c in CATEGORIES))
    for name, scores in rows:
        print(f"{name:<22}" + "".join(f"{score:>16}" for score in scores))
    if details:
        print("\nWhat cost points:", *details, sep="\n")
    print(f"\nReports: {REPORTS.relative_to(ROOT)}/")
    return 1 if any(min(scores) < TARGET for _name, scores in rows) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
