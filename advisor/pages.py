"""What the wizard and verdict templates show, built from the dataclasses. No ORM here.

Kept out of views.py so that each view stays "parse, compute, render", and out of the templates
because the template language cannot look up a question's answer by its code.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlencode

from django.urls import get_script_prefix, reverse
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from core.texts import Text

from .answers import Question, Step, Wizard, pairs, to_query
from .engine import HYPERVISORS, Answers, ReadingName, Rule, Verdict, Verdicts
from .whatif import Change

# The keys the wizard's own pages add to a query; answers are everything else.
PAGE_KEYS = frozenset({"go", "goto", "detected", "detect_note"})
# The questions a pasted lscpu or os-release can answer: their steps offer the paste box.
DETECTABLE = frozenset({"cpu_arch", "hw_virt", "host_os"})

OUTCOME_NAMES = {
    "xen": "Xen",
    "kvm": "KVM",
    "either": _("Either"),
    "none": _("Neither"),
    "too_few": _("Not enough answers"),
}
# The same outcomes inside a sentence ("the verdict would be: either"), where ru and es write them
# in lower case.
OUTCOME_PHRASES = {
    "xen": "Xen",
    "kvm": "KVM",
    "either": pgettext_lazy("verdict, inside a sentence", "either of the two"),
    "none": pgettext_lazy("verdict, inside a sentence", "neither"),
    "too_few": pgettext_lazy("verdict, inside a sentence", "not enough answers"),
}
HEADLINES = {
    "xen": _("Xen suits these answers better"),
    "kvm": _("KVM suits these answers better"),
    "either": _("Either will do: Xen and KVM come out even"),
    "balance": _("Either will do: nothing in your answers tips the balance"),
    "none": _("Neither fits: Xen and KVM are both ruled out"),
    "too_few": _("Too few answers to say anything yet"),
}
# What the articles' reading is called beside today's verdict.
ARTICLES_SAID = {
    "xen": _("The articles would have said: Xen."),
    "kvm": _("The articles would have said: KVM."),
    "either": _("The articles would have said: either will do."),
    "none": _("The articles would have said: neither fits."),
    "too_few": _("The articles would not have had enough to go on either."),
}


def headline(result: Verdict) -> str:
    """The verdict in words; an even score with no points at all is not a close call."""
    if result.outcome == "either" and not any(result.scores.values()):
        return str(HEADLINES["balance"])
    return str(HEADLINES[result.outcome])


DETECT_NOTES = {
    "virtual-machine": _(
        "This text comes from a virtual machine, which usually hides VT-x and AMD-V from its guests, "
        "so hardware virtualization is set to “I don't know”. Run lscpu on the physical server to be sure."
    ),
    "xen-dom0": _(
        "This text comes from a Xen host's control domain (dom0). Xen hides VT-x and AMD-V from dom0's "
        "processor flags even when the processor has them, so hardware virtualization is set to "
        "“I don't know”, and the server is marked as already running Xen. To find out, run "
        "“xl info | grep virt_caps” on it: “hvm” in the list means the processor has them."
    ),
    "no-flags": _(
        "The text has no CPU flags, so hardware virtualization is left as it was. "
        "The output of lscpu or /proc/cpuinfo has them."
    ),
    "no-virt-flags": _(
        "ARM and Itanium processors have no vmx or svm flags, so hardware virtualization is left as it was."
    ),
}


def step_url(
    wizard: Wizard, step: Step, answers: Answers, extra: Iterable[tuple[str, str]] = ()
) -> str:
    """A step's address with the answers so far: the first step is the advisor's own address."""
    path = _step_path(wizard, step)
    query = "&".join(part for part in (to_query(answers, wizard), urlencode(list(extra))) if part)
    return f"{path}?{query}" if query else path


def _step_path(wizard: Wizard, step: Step) -> str:
    if step.code == wizard.steps[0].code:
        return path_of("advisor:wizard")
    return path_of("advisor:step", step.code)


def verdict_url(wizard: Wizard, answers: Answers) -> str:
    query = to_query(answers, wizard)
    return path_of("advisor:verdict") + (f"?{query}" if query else "")


def path_of(name: str, *args: str) -> str:
    """`reverse(name, args=args)`, kept per language and script prefix: pages ask it often."""
    return _path(get_language(), get_script_prefix(), name, args)


@lru_cache(maxsize=256)
def _path(language: str, prefix: str, name: str, args: tuple[str, ...]) -> str:
    return reverse(name, args=args)


def detect_step(wizard: Wizard) -> Step:
    """The first step that offers to read lscpu output: the one that asks for the architecture."""
    return next((s for s in wizard.steps if offers_detect(s)), wizard.steps[0])


def offers_detect(step: Step) -> bool:
    return any(q.code in DETECTABLE for q in step.questions)


@dataclass(frozen=True)
class Stage:
    step: Step
    number: int
    url: str
    done: bool
    current: bool


def step_context(
    wizard: Wizard,
    step: Step,
    answers: Answers,
    detected: Sequence[str] = (),
) -> dict[str, object]:
    index = wizard.index(step)
    found = [wizard.questions[code] for code in detected if code in wizard.questions]
    return {
        "wizard": wizard,
        "step": step,
        "number": index + 1,
        "total": len(wizard.steps),
        "stages": [
            Stage(
                s,
                i + 1,
                step_url(wizard, s, answers),
                all(answers.get(q.code) for q in s.questions),
                s == step,
            )
            for i, s in enumerate(wizard.steps)
        ],
        "hidden": pairs(answers, wizard, skip=step),
        "start_url": reverse("advisor:wizard") + "?go=start",
        "offers_detect": offers_detect(step),
        # The paste box posts to the step's own address, so a refused paste leaves the visitor on
        # a page that reloads and switches language like any other step.
        "detect_action": step_url(wizard, step, answers),
        "asks_distribution": any(q.code == "host_os" for q in step.questions),
        "detected": [(q, q.labels(answers.get(q.code, ()))) for q in found],
        "detect_notes": [DETECT_NOTES[code] for code in detected if code in DETECT_NOTES],
        "verdict_url": verdict_url(wizard, answers),
    }


@dataclass(frozen=True)
class Bar:
    name: str
    side: str
    points: int
    blocked: bool
    y: int
    width: int

    @property
    def label_y(self) -> int:
        return self.y + 19

    @property
    def end_x(self) -> int:
        return 52 + self.width + 8


def bars(result: Verdict, *, length: int = 200) -> list[Bar]:
    """The chart's bars: the longest is `length` units; a side without points gets a sliver.

    The drawing is 480 units wide: after the longest bar (it ends at 260) there are 220 units for
    its label, which the longest one ("12 · descartado", "12 · исключён") needs about 140 of.
    """
    most = max([*result.scores.values(), 1])
    return [
        Bar(
            name="Xen" if side == "xen" else "KVM",
            side=side,
            points=result.scores[side],
            blocked=result.is_blocked(side),
            y=12 + 44 * i,
            width=max(round(length * result.scores[side] / most), 3),
        )
        for i, side in enumerate(HYPERVISORS)
    ]


@dataclass(frozen=True)
class Line:
    """A rule as the verdict page lists it, and what the other reading made of it if not the same."""

    rule: Rule
    changed: bool = False
    other: str = ""  # e.g. "Per the articles: Xen +2", "Today: not counted"


def _effect(effect: str, side: str, points: int) -> str:
    name = "Xen" if side == "xen" else "KVM"
    if effect == "block":
        return str(_("%(name)s ruled out") % {"name": name})
    return f"{name} +{points}"


def lines(rules: Iterable[Rule], results: Verdicts, other: ReadingName) -> list[Line]:
    """Rules with, for each one that changed, what the `other` reading did with it."""
    changed = results.changed
    if not changed.intersection(rule.code for rule in rules):
        return [Line(rule) for rule in rules]
    fired = (results.articles if other == "articles" else results.today).fired
    label = _("Per the articles: %(what)s") if other == "articles" else _("Today: %(what)s")
    found = []
    for rule in rules:
        if rule.code not in changed:
            found.append(Line(rule))
            continue
        was = fired.get(rule.code)
        what = _effect(*was) if was else str(_("not counted"))
        found.append(Line(rule, True, str(label % {"what": what})))
    return found


@dataclass(frozen=True)
class WhatIf:
    question: Question
    labels: list[Text]
    outcome: str
    url: str


def verdict_context(
    wizard: Wizard,
    answers: Answers,
    results: Verdicts,
    options: Sequence[Change],
    overturning: frozenset[str] = frozenset(),
) -> dict[str, object]:
    """What the verdict page shows: today's verdict first, the articles' beside it (the answers,
    the chart and the what-if form are added as kept HTML by `pieces.fill()`)."""
    result = results.today
    query, language = to_query(answers, wizard), urlencode({"lang": get_language()})
    suffix = f"?{query}" if query else ""
    verdict_path, api_path = path_of("advisor:verdict"), path_of("api-verdict")
    first_step = _step_path(wizard, wizard.steps[0])
    last_step = _step_path(wizard, wizard.steps[-1])
    return {
        "result": result,
        "articles": results.articles,
        "readings_differ": results.differ,
        "articles_said": ARTICLES_SAID[results.articles.outcome],
        "blockers": lines(result.blockers, results, "articles"),
        "reasons": lines(result.reasons, results, "articles"),
        "articles_changed": lines(
            [
                r
                for r in results.articles.blockers + results.articles.reasons
                if r.code in results.changed
            ],
            results,
            "today",
        ),
        "urgent": lines([r for r in result.warnings if r.code in overturning], results, "articles"),
        "other_warnings": lines(
            [r for r in result.warnings if r.code not in overturning], results, "articles"
        ),
        "needed": [q for q in wizard.questions.values() if q.code in result.needed],
        "outcome_name": OUTCOME_NAMES[result.outcome],
        "headline": headline(result),
        "unanswered": [q for q in wizard.questions.values() if not answers.get(q.code)],
        "changes": [
            WhatIf(
                wizard.questions[c.question],
                wizard.questions[c.question].labels(c.options),
                str(OUTCOME_PHRASES[c.outcome]),
                verdict_url(wizard, {**answers, c.question: c.options}),
            )
            for c in options
        ],
        # verdict_url() and step_url() of these answers, from their query string made once.
        "permalink": verdict_path + suffix,
        "api_url": api_path + "?" + "&".join(filter(None, (query, language))),
        "wizard_url": last_step + suffix,
        "wizard_start_url": first_step + suffix,
        "start_url": first_step + "?go=start",
    }
