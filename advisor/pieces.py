"""The verdict page's costly parts, each rendered once per content version and language, then kept.

A verdict page no one asked for before is put together from these: each reason line (a rule, and
whether it changed since the articles and whether the sources disagree on it), the score chart (the
two scores and which side is ruled out), each answer in "Your answers", and the what-if form (its
frame once, each question's control per selection). Each part is rendered by its own `{% partialdef %}` of
advisor/verdict.html, so the page is the one the template alone would make. Nothing kept here
depends on the request: the page has no CSRF token and nothing per visitor.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from functools import partial
from typing import Any

from crispy_forms.templatetags.crispy_forms_utils import remove_spaces
from django.template.loader import get_template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from pagecache.version import per_version

from . import content
from .answers import Question, Wizard
from .engine import Answers, Verdict
from .forms import WhatIfForm, whatif_control
from .pages import Line, bars

PAGE = "advisor/verdict.html"


class _Kept:
    """The parts rendered so far under one content version, in one language."""

    def __init__(self) -> None:
        self.html: dict[Hashable, SafeString] = {}
        self.today = {rule.code: rule for rule in content.rules().today}
        self.frame: list[str] = []  # the what-if form around its controls

    def get(self, key: Hashable, render: Callable[[], str]) -> SafeString:
        try:
            return self.html[key]
        except KeyError:
            self.html[key] = html = mark_safe(render())
            return html


@per_version
def _kept() -> _Kept:
    return _Kept()


def _partial(name: str, context: dict[str, Any]) -> str:
    return get_template(f"{PAGE}#{name}").render({"LANGUAGE_CODE": get_language(), **context})


def _reasons(kept: _Kept, lines: Iterable[Line], result: Verdict) -> list[SafeString]:
    """Each line as the page lists it (`{% partialdef reason %}`)."""
    found = []
    for line in lines:
        rule, disputed = line.rule, line.rule.code in result.at_odds
        context = {"line": line, "disputed": disputed}
        if kept.today.get(rule.code) is not rule:  # not the content's own rule: no key for it
            found.append(mark_safe(_partial("reason", context)))
            continue
        key = ("reason", rule.code, line.changed, line.other, disputed)
        found.append(kept.get(key, partial(_partial, "reason", context)))
    return found


def _chart(kept: _Kept, result: Verdict) -> SafeString:
    """The score chart (`{% partialdef chart %}`): it shows the scores and the sides ruled out."""
    scores, blocked = result.scores, (result.is_blocked("xen"), result.is_blocked("kvm"))
    key = ("chart", scores["xen"], scores["kvm"], *blocked)
    return kept.get(key, partial(_partial, "chart", {"bars": bars(result)}))


def _answered(kept: _Kept, wizard: Wizard, answers: Answers) -> list[SafeString]:
    """Each answered question and its answers (`{% partialdef answer %}`)."""
    found = []
    for question in wizard.questions.values():
        selected = answers.get(question.code)
        if selected:
            context = {"question": question, "labels": question.labels(selected)}
            key = ("answer", question.code, selected)
            found.append(kept.get(key, partial(_partial, "answer", context)))
    return found


def _what_if(kept: _Kept, wizard: Wizard, answers: Answers) -> SafeString:
    """The what-if form with these answers chosen: its frame, and each question's control."""
    if not kept.frame:
        form = _Frame.for_wizard(wizard, {})
        frame = get_template(f"{PAGE}#whatif_form").render({"whatif_form": form})
        kept.frame = frame.split(MARK)
    html = [kept.frame[0]]
    # In the frame's order: each step's questions, step after step.
    questions = [question for step in wizard.steps for question in step.questions]
    for question, after in zip(questions, kept.frame[1:], strict=True):
        selected = answers.get(question.code, frozenset())
        key = ("whatif", question.code, selected)
        html += [kept.get(key, partial(whatif_control, question, selected)), after]
    # crispy-forms takes the spaces out between tags of the whole form; the frame has had that
    # done, the controls and where they meet it have not.
    return mark_safe(remove_spaces("".join(html)))


def fill(context: dict[str, Any], wizard: Wizard, answers: Answers, result: Verdict) -> None:
    """The page's context with its reason lines, chart, answers and what-if form as kept HTML."""
    kept = _kept()
    for name in ("urgent", "blockers", "reasons", "other_warnings"):
        context[name] = _reasons(kept, context[name], result)
    context.update(
        chart=_chart(kept, result),
        answered=_answered(kept, wizard, answers),
        whatif_form=_what_if(kept, wizard, answers),
    )


MARK = "\x00whatif-control\x00"  # forms reject NUL: no editor's text holds it


class _Frame(WhatIfForm):
    """The what-if form with a mark where each question's control goes."""

    def control(self, question: Question, selected: frozenset[str]) -> str:
        return MARK
