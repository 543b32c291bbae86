"""The verdict page put together from parts, each rendered once per content version and language.

A verdict page no one asked for before is made of:
- its frame: the page with a mark where each part goes, rendered once per shape (which sections it
  shows, the outcomes of both readings);
- each reason line (a rule, and whether it changed since the articles and whether the sources
  disagree on it), the score chart, each answer in "Your answers", each "what would change" line
  and the what-if form (its frame once, each question's control per selection);
- the few values of this visitor's answers: the scores and the addresses.

Each part is rendered by its own `{% partialdef %}` of advisor/verdict.html, and the frame by the
page itself, so the page is the one the template alone would make. Nothing kept here depends on
the request: the page has no CSRF token and nothing per visitor.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import Any

from crispy_forms.templatetags.crispy_forms_utils import remove_spaces
from django.conf import settings
from django.template.loader import get_template
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from config.context_processors import alternates
from core.frames import Frame, Html, as_bytes, slot
from pagecache.version import per_version

from . import content
from .answers import Question, Wizard
from .engine import Answers, Verdict, decide_readings
from .forms import WhatIfForm, whatif_control
from .pages import Line, WhatIf, bars, path_of, verdict_context
from .whatif import changes, overturning

PAGE = "advisor/verdict.html"
# Shapes kept per version and language; past this, the oldest goes (a few hundred occur).
FRAMES = 512
# The parts of the page that are lists of kept HTML, and its values of one visitor's answers.
LISTS = (
    "urgent",
    "blockers",
    "reasons",
    "other_warnings",
    "articles_changed",
    "changes",
    "answered",
)
VALUES = ("permalink", "absolute_permalink", "api_url", "wizard_url", "wizard_start_url")
KEPT = ("chart", "whatif_form", "unanswered_note")  # single kept parts
URL = slot("url")  # where a "what would change" line's address goes


class _Kept:
    """The parts rendered so far under one content version, in one language."""

    def __init__(self) -> None:
        self.html: dict[Hashable, Html] = {}
        rules = content.rules()
        # Each reading's own rules (held, so that their ids stay theirs): a key names a rule by its
        # code, which each reading has once.
        self.today = {id(rule): rule for rule in rules.today}
        self.articles = {id(rule): rule for rule in rules.articles}
        self.frame: list[str] = []  # the what-if form around its controls
        self.frames: dict[Hashable, Frame] = {}  # the page, per shape

    def get(self, key: Hashable, render: Callable[..., str], *args: Any) -> Html:
        """The part kept under `key`, or `render(*args)` kept from now on."""
        html = self.html.get(key)
        if html is None:
            self.html[key] = html = Html.of(render(*args))
        return html


@per_version
def _kept() -> _Kept:
    return _Kept()


def _partial(name: str, context: dict[str, Any]) -> str:
    return get_template(f"{PAGE}#{name}").render({"LANGUAGE_CODE": get_language(), **context})


def _reason(line: Line, disputed: bool) -> str:
    return _partial("reason", {"line": line, "disputed": disputed})


def _reasons(kept: _Kept, lines: Iterable[Line], result: Verdict) -> list[SafeString]:
    """Each line as the page lists it (`{% partialdef reason %}`)."""
    found: list[SafeString] = []
    for line in lines:
        disputed = line.rule.code in result.at_odds
        if id(line.rule) not in kept.today:  # not the content's own rule: no key names it
            found.append(SafeString(_reason(line, disputed)))
            continue
        key = ("reason", line.rule.code, line.changed, line.other, disputed)
        found.append(kept.get(key, _reason, line, disputed))
    return found


def _changed(kept: _Kept, lines: Iterable[Line]) -> list[SafeString]:
    """What the articles counted that counts differently today (`{% partialdef changed_reason %}`)."""
    found: list[SafeString] = []
    for line in lines:
        context = {"line": line}
        if id(line.rule) in kept.articles:
            found.append(
                kept.get(
                    ("changed", line.rule.code, line.other), _partial, "changed_reason", context
                )
            )
        else:
            found.append(SafeString(_partial("changed_reason", context)))
    return found


def _changes(kept: _Kept, changes: Iterable[WhatIf]) -> list[SafeString]:
    """Each answer that would change the verdict, and its address (`{% partialdef change %}`)."""
    found: list[SafeString] = []
    for change in changes:
        key = ("change", change.question.code, tuple(change.labels), change.outcome)
        html = kept.get(key, _partial, "change", {"change": change, "url": URL})
        found.append(SafeString(html.replace(URL, escape(change.url))))
    return found


def _chart(kept: _Kept, result: Verdict) -> SafeString:
    """The score chart (`{% partialdef chart %}`): it shows the scores and the sides ruled out."""
    scores, blocked = result.scores, result.blocked
    key = ("chart", scores["xen"], scores["kvm"], bool(blocked["xen"]), bool(blocked["kvm"]))
    return kept.get(key, _render_chart, result)


def _render_chart(result: Verdict) -> str:
    return _partial("chart", {"bars": bars(result)})


def _answered(kept: _Kept, wizard: Wizard, answers: Answers) -> list[SafeString]:
    """Each answered question and its answers (`{% partialdef answer %}`)."""
    found: list[SafeString] = []
    for question in wizard.questions.values():
        selected = answers.get(question.code)
        if selected:
            found.append(kept.get(("answer", question.code, selected), _answer, question, selected))
    return found


def _answer(question: Question, selected: frozenset[str]) -> str:
    return _partial("answer", {"question": question, "labels": question.labels(selected)})


def _unanswered(kept: _Kept, count: int) -> SafeString:
    """How many questions are unanswered (`{% partialdef unanswered_note %}`), or nothing."""
    if not count:
        return SafeString("")
    return kept.get(
        ("unanswered", count), _partial, "unanswered_note", {"unanswered": range(count)}
    )


def _what_if(kept: _Kept, wizard: Wizard, answers: Answers) -> SafeString:
    """The what-if form with these answers chosen: its frame, and each question's control."""
    if not kept.frame:
        form = _Frame.for_wizard(wizard, {})
        frame = get_template(f"{PAGE}#whatif_form").render({"whatif_form": form})
        kept.frame = frame.split(MARK)
    html = [kept.frame[0]]
    # In the frame's order: each step's questions, step after step.
    for question, after in zip(wizard.questions.values(), kept.frame[1:], strict=True):
        selected = answers.get(question.code, frozenset())
        key = ("whatif", question.code, selected)
        html += [kept.get(key, whatif_control, question, selected), after]
    # crispy-forms takes the spaces out between tags of the whole form; the frame has had that
    # done, the controls and where they meet it have not.
    return mark_safe(remove_spaces("".join(html)))


def fill(context: dict[str, Any], wizard: Wizard, answers: Answers, result: Verdict) -> None:
    """The page's context with its lines, chart, answers and what-if form as kept HTML."""
    kept = _kept()
    for name in ("urgent", "blockers", "reasons", "other_warnings"):
        context[name] = _reasons(kept, context[name], result)
    context.update(
        articles_changed=_changed(kept, context["articles_changed"]),
        changes=_changes(kept, context["changes"]),
        chart=_chart(kept, result),
        answered=_answered(kept, wizard, answers),
        unanswered_note=_unanswered(kept, len(context["unanswered"])),
        whatif_form=_what_if(kept, wizard, answers),
    )


@dataclass(frozen=True)
class _Reading:
    """A reading's verdict as the frame shows it: its scores are slots."""

    outcome: str
    sources_disagree: bool
    scores: dict[str, SafeString]


def verdict(
    wizard: Wizard,
    answers: Answers,
    fragment: bool,
    path_info: str,
    path: str,
    origin: str,
    query: str,
) -> tuple[bytes, str]:
    """The verdict page for these answers (with `fragment`, its `#result` fragment only), and its
    permalink. `path_info`, `path` and `query` are the request's; `origin` its scheme and host
    ("" under a Host the site does not serve)."""
    rules = content.rules()
    results = decide_readings(answers, rules)
    what_if = changes(answers, rules.today, wizard.options, results.today)
    urgent = overturning(answers, rules.today, wizard.options, results.today)
    context = verdict_context(wizard, answers, results, what_if, urgent)
    fill(context, wizard, answers, results.today)
    permalink = str(context["permalink"])
    context.update(absolute_permalink=origin + permalink, fragment=fragment)
    return page(context, path_info, path, origin, query), permalink


def warm(count: int) -> None:
    """Put together `count` verdict pages of made-up answers in each language, and keep nothing but
    their parts: a process forked afterwards (each gunicorn worker) starts with the parts most
    pages share instead of rendering them during its first requests. The pages themselves are not
    cached, and any editor's change makes the parts be rendered again."""
    chance = random.Random(count)
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            wizard = content.wizard()
            path = path_of("advisor:verdict")
            for _ in range(count):
                answers = {
                    question.code: frozenset(
                        chance.sample(question.codes, chance.randint(1, len(question.codes)))
                        if question.many
                        else [chance.choice(question.codes)]
                    )
                    for question in wizard.questions.values()
                    if chance.random() < 0.9
                }
                verdict(wizard, answers, False, path, path, "http://localhost", "")


def page(context: dict[str, Any], path_info: str, path: str, origin: str, query: str) -> bytes:
    """The page (or with `context["fragment"]`, its `#result` fragment) for a context made by
    `fill()`, in UTF-8: its frame, kept per shape, filled with this request's values.

    `origin` is the request's scheme and host ("" under a Host the site does not serve), `query`
    its query string.
    """
    result, articles = context["result"], context["articles"]
    shape = (
        context["fragment"],
        result.outcome,
        context["headline"],
        result.sources_disagree,
        articles.outcome,
        context["readings_differ"],
        tuple(question.code for question in context["needed"]),
        *(bool(context[name]) for name in LISTS),
        path_info,
        path,
        bool(origin),
    )
    kept = _kept()
    frame = kept.frames.get(shape)
    if frame is None:
        frame = _frame(context, path_info, path, origin)
        while len(kept.frames) >= FRAMES:
            kept.frames.pop(next(iter(kept.frames)), None)
        kept.frames[shape] = frame
    values: dict[str, str | bytes] = {name: _joined(context[name]) for name in LISTS}
    values.update({name: context[name] for name in VALUES})
    values.update(
        **{name: context[name] for name in KEPT},
        query=f"?{query}" if query else "",
        origin=origin,
        xen=str(result.scores["xen"]),
        kvm=str(result.scores["kvm"]),
        articles_xen=str(articles.scores["xen"]),
        articles_kvm=str(articles.scores["kvm"]),
    )
    return frame.fill(values)


def _joined(parts: Iterable[str]) -> bytes:
    """Parts of the page as UTF-8: kept ones as they were encoded when kept."""
    return b"".join(map(as_bytes, parts))


def _frame(context: dict[str, Any], path_info: str, path: str, origin: str) -> Frame:
    """The page of this shape with a slot for each value of one visitor's answers."""
    result, articles = context["result"], context["articles"]
    marked = {
        **context,
        **{name: [slot(name)] if context[name] else [] for name in LISTS},
        **{name: slot(name) for name in (*VALUES, *KEPT)},
        "result": _Reading(
            result.outcome, result.sources_disagree, {"xen": slot("xen"), "kvm": slot("kvm")}
        ),
        "articles": _Reading(
            articles.outcome, False, {"xen": slot("articles_xen"), "kvm": slot("articles_kvm")}
        ),
        # What base.html reads of the request and what the context processors give it.
        "request": _Path(path),
        "alternates": alternates(path_info, path, slot("origin") if origin else "", slot("query")),
        "LANGUAGE_CODE": get_language(),
    }
    name = f"{PAGE}#result" if context["fragment"] else PAGE
    return Frame(get_template(name).render(marked))


@dataclass(frozen=True)
class _Path:
    path: str


MARK = "\x00whatif-control\x00"  # forms reject NUL: no editor's text holds it


class _Frame(WhatIfForm):
    """The what-if form with a mark where each question's control goes."""

    def control(self, question: Question, selected: frozenset[str]) -> str:
        return MARK
