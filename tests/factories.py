"""Small builders for tests: content other than the seed, and the seeded rules as the engine sees
them, read straight from the fixture files (no database)."""

import json
from functools import cache
from pathlib import Path

from django.db.models import Model

from advisor.engine import Basis, Readings, Rule
from advisor.engine import Citation as EngineCitation
from comparison.models import Citation, Criterion, Edge, Quote, Source, Topic
from core.texts import Text

LANGUAGES = ("ru", "es", "en")
SOURCE_TEXT = "Xen runs on many architectures.\nKVM needs hardware virtualization."


def text_in(obj: Model, field: str, language: str) -> str:
    """A translated field's own text in one language, without the fallback to English.

    modeltranslation adds the `<field>_<language>` attributes when the app registry loads.
    """
    return getattr(obj, f"{field}_{language}")


def set_text(obj: Model, field: str, **texts: str) -> None:
    """Set a translated field's text in the languages given: `set_text(row, "xen", es="…")`."""
    for language, text in texts.items():
        setattr(obj, f"{field}_{language}", text)


def clear_content() -> None:
    """Remove every criterion, quote, topic and source, and the advisor's rules that cite them."""
    from advisor.models import Rule

    for model in (Rule, Citation, Criterion, Quote, Topic, Source):
        model.objects.all().delete()


def make_rows(count: int, *, prefix: str = "t", tie_every: int = 3) -> list[Criterion]:
    """`count` criteria under two topics, each citing two quotes, every `tie_every`-th one a tie."""
    source = Source.objects.create(
        code=prefix,
        title_en="Test article",
        title_ru="Тестовая статья",
        title_es="Artículo de prueba",
        language="en",
        written_en="2024",
        text=SOURCE_TEXT,
    )
    quotes = [
        Quote.objects.create(
            source=source, anchor=f"{prefix}-{i}", original=line, translation_en=line
        )
        for i, line in enumerate(SOURCE_TEXT.splitlines())
    ]
    topics = [
        Topic.objects.create(slug=f"{prefix}-topic-{i}", title_en=f"Topic {i}", order=i)
        for i in range(2)
    ]
    rows = []
    for i in range(count):
        row = Criterion.objects.create(
            topic=topics[i % 2],
            slug=f"{prefix}-row-{i}",
            title_en=f"Row {i}",
            xen_en=f"Xen {i}",
            kvm_en=f"KVM {i}",
            edge=Edge.TIE if i % tie_every == 0 else Edge.XEN,
            order=i,
            note_en="Today" if i % 2 else "",
        )
        Citation.objects.create(criterion=row, quote=quotes[0], side=Citation.Side.XEN)
        Citation.objects.create(criterion=row, quote=quotes[1], side=Citation.Side.KVM)
        rows.append(row)
    return rows


ROOT = Path(__file__).resolve().parent.parent


def _fixture(app: str) -> list[dict]:
    return json.loads((ROOT / app / "fixtures" / f"{app}.json").read_text(encoding="utf-8"))


@cache
def seeded_rules() -> tuple[dict[str, tuple[str, list[str]]], Readings]:
    """The seeded questions (code → kind and option codes) and both readings' rules, from the
    fixtures: what `Rule.objects.for_engine()` must give the engine once they are loaded."""
    comparison, advisor = _fixture("comparison"), _fixture("advisor")
    source_codes = {
        o["pk"]: o["fields"]["code"] for o in comparison if o["model"] == "comparison.source"
    }
    quote_sources = {}
    for o in comparison:
        if o["model"] == "comparison.quote":
            source = o["fields"]["source"]
            quote_sources[o["fields"]["anchor"]] = (
                source[0] if isinstance(source, list) else source_codes[source]
            )
    disagree = {
        o["fields"]["slug"]: o["fields"]["articles_disagree"]
        for o in comparison
        if o["model"] == "comparison.criterion"
    }
    questions: dict[str, tuple[str, list[str]]] = {}
    for o in advisor:
        if o["model"] == "advisor.question":
            questions[o["fields"]["code"]] = (o["fields"]["kind"], [])
        elif o["model"] == "advisor.option":
            questions[o["fields"]["question"][0]][1].append(o["fields"]["code"])
    readings: dict[str, list[Rule]] = {"today": [], "articles": []}
    for o in advisor:
        if o["model"] != "advisor.rule":
            continue
        f = o["fields"]
        conditions: dict[str, set[str]] = {}
        for question, option in f["conditions"]:
            conditions.setdefault(question, set()).add(option)
        slug = f["criterion"][0]
        for reading, (effect, points) in {
            "today": (f["effect"], f["points"]),
            "articles": (f["articles_effect"], f["articles_points"]),
        }.items():
            if effect == "off":
                continue
            readings[reading].append(
                Rule(
                    code=f["code"],
                    effect=effect,
                    hypervisor=f["hypervisor"] if effect != "warn" else "",
                    points=points if effect == "prefer" else 0,
                    conditions={q: frozenset(options) for q, options in conditions.items()},
                    reason=Text(f["reason_en"]),
                    basis=Basis(slug, Text(slug), f"/en/compare/#{slug}", disagree[slug]),
                    citations=tuple(
                        EngineCitation(quote_sources[a], Text(), "…", "…", Text(), f"#{a}")
                        for [a] in f["quotes"]
                    ),
                    order=f["order"],
                )
            )
    return questions, Readings(today=tuple(readings["today"]), articles=tuple(readings["articles"]))
