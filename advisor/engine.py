"""The verdict engine: from a visitor's answers and the editors' rules to a verdict. Pure Python.

No ORM and no HTML here: `Rule.objects.for_engine()` turns the database into these dataclasses,
with texts already in the page's language, and the wizard, the permalink page and the JSON API all
call `decide_readings()`.

Two readings: every rule has an effect per the articles and an effect today (either may be off),
so `Rule.objects.for_engine()` gives two rule sets, and `decide_readings()` computes the verdict of each
from the same answers with the same `decide()`. A rule whose effect differs between the two
(including one that is off in one of them) and that fires in either is *changed*.

How the rules combine:

- A rule *fires* when, for every question among its conditions, the answer includes at least one
  of the listed options (OR inside a question, AND across questions). A rule without conditions
  never fires: an editor's half-made rule must not change every verdict.
- `block` rules rule their hypervisor out; `prefer` rules add their points to their hypervisor;
  `warn` rules (the "I don't know" answers) rule nothing out and only add a warning.
- No answer to a question that any `block` or `prefer` rule asks about, other than the "I don't
  know" answers that `warn` rules look for → `too_few` (there is nothing to go on: not the same
  as `either`, which is a judgement).
- Both sides ruled out → `none`; one side ruled out → the other; otherwise more points wins and
  equal points → `either`. A blocked side keeps its points on the chart, but it never wins.

"Sources disagree": a reason that fired is *at odds* when the comparison row it rests on is marked
"the articles disagree", or when it cites one article while another reason that fired cites the
other article in favour of the other hypervisor (the two articles pull different ways).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from core.texts import NO_TEXT, Note, Text

Hypervisor = Literal["xen", "kvm"]
Outcome = Literal["xen", "kvm", "either", "none", "too_few"]
Effect = Literal["block", "prefer", "warn"]
ReadingName = Literal["today", "articles"]
# Question code → the option codes answered. Unanswered questions are simply absent.
Answers = Mapping[str, frozenset[str]]

HYPERVISORS: tuple[Hypervisor, Hypervisor] = ("xen", "kvm")


@dataclass(frozen=True)
class Citation:
    source: str  # the article's code: "ru" or "es"
    source_title: Text
    language: str  # the language the original passage is written in
    original: str
    translation: Text
    url: str


@dataclass(frozen=True)
class Basis:
    """The comparison row a rule rests on."""

    slug: str
    title: Text
    url: str
    articles_disagree: bool = False
    disagreement: Text = NO_TEXT


@dataclass(frozen=True)
class Rule:
    code: str
    effect: Effect
    conditions: Mapping[str, frozenset[str]]
    hypervisor: Hypervisor | Literal[""] = ""
    points: int = 0
    reason: Text = NO_TEXT
    note: Note | None = None
    basis: Basis | None = None
    citations: tuple[Citation, ...] = ()
    order: int = 0

    def fires(self, answers: Answers) -> bool:
        return bool(self.conditions) and all(
            answers.get(question, frozenset()) & options
            for question, options in self.conditions.items()
        )

    @cached_property
    def sources(self) -> frozenset[str]:
        return frozenset(citation.source for citation in self.citations)


@dataclass(frozen=True)
class Verdict:
    outcome: Outcome
    scores: Mapping[Hypervisor, int]
    blocked: Mapping[Hypervisor, tuple[Rule, ...]]
    reasons: tuple[Rule, ...]  # the preferences that fired, heaviest first
    warnings: tuple[Rule, ...]
    at_odds: frozenset[str] = field(default_factory=frozenset)  # codes of rules at odds
    # For `too_few`: the questions an answer to which could rule a side out or score.
    needed: tuple[str, ...] = ()

    @property
    def sources_disagree(self) -> bool:
        return bool(self.at_odds)

    @cached_property
    def blockers(self) -> tuple[Rule, ...]:
        return self.blocked["xen"] + self.blocked["kvm"]

    def is_blocked(self, hypervisor: Hypervisor) -> bool:
        return bool(self.blocked.get(hypervisor))

    @cached_property
    def fired(self) -> dict[str, tuple[str, str, int]]:
        """What each rule that fired did: code → (effect, hypervisor, points)."""
        return {r.code: (r.effect, r.hypervisor, r.points) for r in self.blockers + self.reasons}


class RuleSet(tuple[Rule, ...]):
    """Rules, with what `decide()` needs to know about them worked out once, on first use.

    A tuple like any other; the rules of a content version are one RuleSet per reading, so a
    verdict only looks at the rules its answers can make fire.
    """

    @cached_property
    def by_weight(self) -> tuple[Rule, ...]:
        return tuple(sorted(self, key=_by_weight))

    @cached_property
    def by_answer(self) -> dict[tuple[str, str], tuple[int, ...]]:
        """(question, option) → the positions in `by_weight` of the rules that ask for it."""
        index: dict[tuple[str, str], list[int]] = {}
        for position, rule in enumerate(self.by_weight):
            for question, options in rule.conditions.items():
                for option in options:
                    index.setdefault((question, option), []).append(position)
        return {answer: tuple(positions) for answer, positions in index.items()}

    @cached_property
    def needed(self) -> tuple[str, ...]:
        return decisive(self)

    @cached_property
    def unknowns(self) -> frozenset[tuple[str, str]]:
        """The (question, option) answers that only `warn` rules look for: "I don't know"."""
        return unknown_options(self)

    @cached_property
    def _other_conditions(self) -> tuple[tuple[tuple[str, frozenset[str]], ...], ...]:
        """Per rule in `by_weight`, its conditions; none for a rule that asks one question only,
        which fires as soon as one of the answers it asks for is given."""
        return tuple(
            tuple(rule.conditions.items()) if len(rule.conditions) > 1 else ()
            for rule in self.by_weight
        )

    def firing(self, answers: Answers) -> list[Rule]:
        """The rules these answers make fire, heaviest first (`Rule.fires()` of each, asked only of
        the rules that look for one of the answers)."""
        index, ordered, conditions = self.by_answer, self.by_weight, self._other_conditions
        positions: set[int] = set()
        for question, options in answers.items():
            for option in options:
                positions.update(index.get((question, option), ()))
        return [
            ordered[p]
            for p in sorted(positions)
            if all(not wanted.isdisjoint(answers.get(q, ())) for q, wanted in conditions[p])
        ]


@dataclass(frozen=True)
class Readings:
    """The rules as each reading sees them; a rule that is off in a reading is left out of it."""

    today: tuple[Rule, ...]
    articles: tuple[Rule, ...]

    def __post_init__(self) -> None:
        for name in ("today", "articles"):
            rules = getattr(self, name)
            if not isinstance(rules, RuleSet):
                object.__setattr__(self, name, RuleSet(rules))


@dataclass(frozen=True)
class Verdicts:
    today: Verdict
    articles: Verdict

    @cached_property
    def changed(self) -> frozenset[str]:
        """Codes of the rules that fired in either reading and did not do the same in both."""
        today, articles = self.today.fired, self.articles.fired
        return frozenset(
            code for code in today.keys() | articles.keys() if today.get(code) != articles.get(code)
        )

    @property
    def differ(self) -> bool:
        return self.today.outcome != self.articles.outcome


def _by_weight(rule: Rule) -> tuple[int, int, str]:
    return (-rule.points, rule.order, rule.code)


def _at_odds(fired: Sequence[Rule]) -> frozenset[str]:
    sides_by_source: dict[str, set[str]] = {}
    for rule in fired:
        if rule.hypervisor:
            for source in rule.sources:
                sides_by_source.setdefault(source, set()).add(rule.hypervisor)
    odd = set()
    for rule in fired:
        if rule.basis is not None and rule.basis.articles_disagree:
            odd.add(rule.code)
            continue
        others = {
            side
            for source, sides in sides_by_source.items()
            if source not in rule.sources
            for side in sides
        }
        if rule.hypervisor and others - {rule.hypervisor}:
            odd.add(rule.code)
    return frozenset(odd)


def decisive(rules: Iterable[Rule]) -> tuple[str, ...]:
    """The questions whose answer can rule a side out or give it points, in code order."""
    return tuple(
        sorted({q for r in rules if r.effect in ("block", "prefer") for q in r.conditions})
    )


def unknown_options(rules: Iterable[Rule]) -> frozenset[tuple[str, str]]:
    """The "I don't know" answers: (question, option) pairs the warnings look for."""
    return frozenset(
        (q, option)
        for r in rules
        if r.effect == "warn"
        for q, opts in r.conditions.items()
        for option in opts
    )


def settle(
    known: bool, blocked: Collection[Hypervisor], scores: Mapping[Hypervisor, int]
) -> Outcome:
    """The outcome, from whether anything is known, the sides ruled out and the sides' points."""
    open_sides = [side for side in HYPERVISORS if side not in blocked]
    if not known:
        return "too_few"
    if not open_sides:
        return "none"
    if len(open_sides) == 1:
        return open_sides[0]
    if scores["xen"] == scores["kvm"]:
        return "either"
    return "xen" if scores["xen"] > scores["kvm"] else "kvm"


def decide(answers: Answers, rules: Iterable[Rule]) -> Verdict:
    """The verdict for these answers under these rules. Never raises on any answers."""
    rules = rules if isinstance(rules, RuleSet) else RuleSet(rules)
    fired, blocked, reasons, scores, outcome = _weigh(answers, rules)
    return Verdict(
        outcome=outcome,
        scores=scores,
        blocked=blocked,
        reasons=reasons,
        warnings=tuple(r for r in fired if r.effect == "warn"),
        at_odds=_at_odds([r for r in fired if r.effect != "warn"]),
        needed=rules.needed if outcome == "too_few" else (),
    )


def decide_outcome(answers: Answers, rules: RuleSet) -> tuple[Outcome, frozenset[str]]:
    """`decide()`'s outcome and the codes of its warnings, without the rest of the verdict: what
    would change a verdict asks this of many answers."""
    fired, *_rest, outcome = _weigh(answers, rules)
    return outcome, frozenset(r.code for r in fired if r.effect == "warn")


def _weigh(
    answers: Answers, rules: RuleSet
) -> tuple[
    list[Rule], dict[Hypervisor, tuple[Rule, ...]], tuple[Rule, ...], dict[Hypervisor, int], Outcome
]:
    """The rules that fire, the sides they rule out, the reasons, the scores and the outcome."""
    fired = rules.firing(answers)
    blocked = {
        side: tuple(r for r in fired if r.effect == "block" and r.hypervisor == side)
        for side in HYPERVISORS
    }
    reasons = tuple(r for r in fired if r.effect == "prefer" and r.hypervisor in HYPERVISORS)
    scores = {side: sum(r.points for r in reasons if r.hypervisor == side) for side in HYPERVISORS}
    unknowns = rules.unknowns
    known = any((q, option) not in unknowns for q in rules.needed for option in answers.get(q, ()))
    return (
        fired,
        blocked,
        reasons,
        scores,
        settle(known, [s for s in HYPERVISORS if blocked[s]], scores),
    )


def decide_readings(answers: Answers, rules: Readings) -> Verdicts:
    """Today's verdict and the articles' verdict for the same answers."""
    return Verdicts(today=decide(answers, rules.today), articles=decide(answers, rules.articles))
