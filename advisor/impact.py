"""What the rules make of every combination of answers, counted without enumerating them. Pure.

The answer space is the product, over the questions, of every answer a question can take:
unanswered, each option of a one-answer question, each subset of a several-answer question's
options (millions of combinations). The engine only looks at an answer through a few tests: does it
share an option with a rule's condition on that question, and does it hold an option other than the
"I don't know" ones the warnings look for. Two answers to a question that pass the same tests give
the same verdict whatever the other answers are, so each question's answers fall into a few
classes; the verdicts of one representative per combination of classes, weighted by the classes'
sizes, count every combination. Questions no rule looks at only multiply the count.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from .engine import (
    HYPERVISORS,
    Answers,
    Outcome,
    ReadingName,
    Readings,
    Rule,
    decide,
    decisive,
    settle,
    unknown_options,
)

READINGS: tuple[ReadingName, ReadingName] = ("today", "articles")
EXAMPLES = 3  # example answers kept for each change of verdict


@dataclass(frozen=True)
class Space:
    """The questions: code → (takes several answers, option codes)."""

    questions: Mapping[str, tuple[bool, tuple[str, ...]]]

    def answers(self, code: str) -> Iterator[frozenset[str]]:
        """Every answer to a question; the empty set is "unanswered"."""
        many, options = self.questions[code]
        if many:
            for size in range(len(options) + 1):
                yield from (frozenset(s) for s in itertools.combinations(options, size))
        else:
            yield frozenset()
            yield from (frozenset({option}) for option in options)

    def size(self, code: str) -> int:
        many, options = self.questions[code]
        return 2 ** len(options) if many else len(options) + 1

    @property
    def total(self) -> int:
        return math.prod(self.size(code) for code in self.questions)


# What makes an answer count as known under a rule set: (the questions that can rule a side out or
# score, the "I don't know" answers the warnings look for).
Knowledge = tuple[frozenset[str], frozenset[tuple[str, str]]]


def knowledge(rules: Iterable[Rule]) -> Knowledge:
    rules = tuple(rules)
    return frozenset(decisive(rules)), unknown_options(rules)


def _states(
    space: Space,
    rule_sets: Sequence[Sequence[Rule]],
    views: Sequence[Sequence[Knowledge]] | None = None,
) -> tuple[dict[int, tuple[int, Answers]], list[tuple[int, int]]]:
    """Every combination of answers, grouped by what the engine can see of it.

    A state is a bitmask: per rule set, one bit per rule (still fires: every question seen so far
    meets its condition) and one bit per view of what counts as known ("no known answer yet"; the
    first view is the rule set's own, `views` may add others). Each answer to a question clears
    some bits; answers clearing the same bits are interchangeable. Going question by question and
    merging equal states counts every combination without enumerating them. Each state keeps its
    number of combinations and the first combination that reached it. Also returned: where each
    rule set's bits are (shift, mask).
    """
    if views is None:
        views = [[knowledge(rules)] for rules in rule_sets]
    layout = []  # per rule set: its rules with their bits, its views with their bits
    offset, start = 0, 0
    slices = []
    for rules, seen in zip(rule_sets, views, strict=True):
        bits = [(rule, 1 << (offset + i)) for i, rule in enumerate(rules)]
        known_bits = [(view, 1 << (offset + len(rules) + i)) for i, view in enumerate(seen)]
        start |= sum(bit for _, bit in known_bits) | sum(
            bit for rule, bit in bits if rule.conditions
        )
        layout.append((bits, known_bits))
        width = len(rules) + len(seen)
        slices.append((offset, (1 << width) - 1))
        offset += width
    everything = (1 << offset) - 1
    states: dict[int, tuple[int, Answers]] = {start: (1, {})}
    for code in space.questions:
        groups: dict[int, tuple[frozenset[str], int]] = {}
        for answer in space.answers(code):
            mask = everything
            for bits, known_bits in layout:
                for rule, bit in bits:
                    options = rule.conditions.get(code)
                    if options is not None and not answer & options:
                        mask &= ~bit
                for (needed, unknowns), bit in known_bits:
                    if code in needed and any((code, o) not in unknowns for o in answer):
                        mask &= ~bit
            first, size = groups.get(mask, (answer, 0))
            groups[mask] = (first, size + 1)
        merged: dict[int, tuple[int, Answers]] = {}
        for state, (count, example) in states.items():
            for mask, (answer, size) in groups.items():
                reached = state & mask
                if reached in merged:
                    merged[reached] = (merged[reached][0] + count * size, merged[reached][1])
                else:
                    merged[reached] = (
                        count * size,
                        {**example, code: answer} if answer else example,
                    )
        states = merged
    return states, slices


@dataclass
class Shift:
    """How one reading's verdicts move: (from, to) → combinations, and example answers."""

    counts: Counter[tuple[Outcome, Outcome]] = field(default_factory=Counter)
    examples: dict[tuple[Outcome, Outcome], list[Answers]] = field(default_factory=dict)

    @property
    def changed(self) -> int:
        return sum(n for (before, after), n in self.counts.items() if before != after)

    def moves(self) -> list[tuple[Outcome, Outcome, int, list[Answers]]]:
        """The changes of verdict, largest first."""
        return [
            (before, after, n, self.examples.get((before, after), []))
            for (before, after), n in self.counts.most_common()
            if before != after
        ]


def each_outcome(
    space: Space, rule_sets: Sequence[Sequence[Rule]]
) -> Iterator[tuple[int, Answers, list[Outcome]]]:
    """(combinations, an example, the outcome under each rule set) for every class of answers."""
    states, slices = _states(space, rule_sets)
    known: list[dict[int, Outcome]] = [{} for _ in rule_sets]
    # Every combination in a state makes the same rules fire with the same "known" flag, so its
    # example's verdict is theirs; states that agree on a rule set's bits share its verdict.
    for state, (size, answers) in states.items():
        found = []
        for index, (shift, mask) in enumerate(slices):
            key = (state >> shift) & mask
            if key not in known[index]:
                known[index][key] = decide(answers, rule_sets[index]).outcome
            found.append(known[index][key])
        yield size, answers, found


def impact(space: Space, before: Readings, after: Readings) -> dict[ReadingName, Shift]:
    """How each reading's verdict over every combination of answers goes from `before` to `after`."""
    shifts = {name: Shift() for name in READINGS}
    rule_sets = [getattr(r, name) for name in READINGS for r in (before, after)]
    for size, answers, found in each_outcome(space, rule_sets):
        for number, name in enumerate(READINGS):
            old, new = found[2 * number], found[2 * number + 1]
            shift = shifts[name]
            shift.counts[old, new] += size
            if old != new:
                kept = shift.examples.setdefault((old, new), [])
                if len(kept) < EXAMPLES:
                    kept.append(answers)
    return shifts


def without(readings: Readings, code: str) -> Readings:
    """The rule set with one rule switched off in both readings."""
    return Readings(
        today=tuple(r for r in readings.today if r.code != code),
        articles=tuple(r for r in readings.articles if r.code != code),
    )


def replaced(readings: Readings, code: str, today: Rule | None, articles: Rule | None) -> Readings:
    """The rule set with rule `code` as edited (None: off in that reading; added if it is new)."""
    rest = without(readings, code)
    return Readings(
        today=rest.today + ((today,) if today else ()),
        articles=rest.articles + ((articles,) if articles else ()),
    )


@dataclass
class Tally:
    """One reading over every combination of answers."""

    outcomes: Counter[Outcome] = field(default_factory=Counter)
    applying: Counter[str] = field(default_factory=Counter)  # rule code → combinations it fires in
    # Rule code → combinations whose verdict it decides: it fires there, and with the rule switched
    # off the verdict would be another. A rule that does not fire decides nothing, even where
    # switching it off would leave a question no other rule asks about (then "too few answers").
    deciding: Counter[str] = field(default_factory=Counter)


def _views(rules: Sequence[Rule]) -> tuple[list[Knowledge], list[int]]:
    """The rule set's own view of what is known, plus one per rule whose switching off changes it;
    and, per rule, the index of the view that holds once it is off."""
    views, view_of = [knowledge(rules)], []
    for index in range(len(rules)):
        view = knowledge(rule for other, rule in enumerate(rules) if other != index)
        if view != views[0]:
            views.append(view)
        view_of.append(len(views) - 1 if view != views[0] else 0)
    return views, view_of


def _judge(
    key: int, rules: Sequence[Rule], view_of: Sequence[int]
) -> tuple[Outcome, list[str], list[str]]:
    """(the outcome, the rules that fire, the rules that decide it) for one class of answers."""
    fired = [(index, rule) for index, rule in enumerate(rules) if key >> index & 1]
    blocks = Counter(r.hypervisor for _, r in fired if r.effect == "block" and r.hypervisor)
    scores = dict.fromkeys(HYPERVISORS, 0)
    for _, rule in fired:
        if rule.effect == "prefer" and rule.hypervisor:
            scores[rule.hypervisor] += rule.points

    def known(view: int) -> bool:
        return not key >> (len(rules) + view) & 1

    outcome = settle(known(0), blocks.keys(), scores)
    deciders = []
    for index, rule in fired:
        blocked, points = set(blocks), scores
        if rule.effect == "block" and rule.hypervisor and blocks[rule.hypervisor] == 1:
            blocked.discard(rule.hypervisor)
        elif rule.effect == "prefer" and rule.hypervisor:
            points = {**scores, rule.hypervisor: scores[rule.hypervisor] - rule.points}
        if settle(known(view_of[index]), blocked, points) != outcome:
            deciders.append(rule.code)
    return outcome, [rule.code for _, rule in fired], deciders


def tally(space: Space, readings: Readings) -> dict[ReadingName, Tally]:
    """Per reading: how many combinations of answers end in each verdict, and per rule how many
    it fires in and how many it decides. One pass over the classes of answers; within a class,
    removing a rule only takes its block or its points away, and may change what counts as known
    (the views of `_views`, tracked by the classes)."""
    rule_sets = [getattr(readings, name) for name in READINGS]
    views = [_views(rules) for rules in rule_sets]
    states, slices = _states(space, rule_sets, [seen for seen, _ in views])
    found = {}
    for (shift, mask), name, rules, (_, view_of) in zip(
        slices, READINGS, rule_sets, views, strict=True
    ):
        sizes: Counter[int] = Counter()
        for state, (size, _) in states.items():
            sizes[(state >> shift) & mask] += size
        counted = found[name] = Tally()
        for key, size in sizes.items():
            outcome, fired, deciders = _judge(key, rules, view_of)
            counted.outcomes[outcome] += size
            for code in fired:
                counted.applying[code] += size
            for code in deciders:
                counted.deciding[code] += size
    return found
