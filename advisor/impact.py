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
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from .engine import Answers, Outcome, ReadingName, Readings, Rule, decide, decisive

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


def _states(
    space: Space, rule_sets: Sequence[Sequence[Rule]]
) -> tuple[dict[int, tuple[int, Answers]], list[tuple[int, int]]]:
    """Every combination of answers, grouped by what the engine can see of it.

    A state is a bitmask: per rule set, one bit per rule (still fires: every question seen so far
    meets its condition) and one bit "no known answer yet". Each answer to a question clears some
    bits; answers clearing the same bits are interchangeable. Going question by question and
    merging equal states counts every combination without enumerating them. Each state keeps its
    number of combinations and the first combination that reached it. Also returned: where each
    rule set's bits are (shift, mask).
    """
    layout = []  # per rule set: (its rules with their bits, its "no known answer" bit)
    offset, start = 0, 0
    slices = []
    for rules in rule_sets:
        bits = [(rule, 1 << (offset + i)) for i, rule in enumerate(rules)]
        unknown_bit = 1 << (offset + len(rules))
        start |= unknown_bit | sum(bit for rule, bit in bits if rule.conditions)
        unknowns = {
            (q, o)
            for r in rules
            if r.effect == "warn"
            for q, opts in r.conditions.items()
            for o in opts
        }
        layout.append((bits, unknown_bit, frozenset(decisive(rules)), unknowns))
        slices.append((offset, (1 << (len(rules) + 1)) - 1))
        offset += len(rules) + 1
    everything = (1 << offset) - 1
    states: dict[int, tuple[int, Answers]] = {start: (1, {})}
    for code in space.questions:
        groups: dict[int, tuple[frozenset[str], int]] = {}
        for answer in space.answers(code):
            mask = everything
            for bits, unknown_bit, needed, unknowns in layout:
                for rule, bit in bits:
                    options = rule.conditions.get(code)
                    if options is not None and not answer & options:
                        mask &= ~bit
                if code in needed and any((code, o) not in unknowns for o in answer):
                    mask &= ~unknown_bit
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


def outcomes(space: Space, readings: Readings) -> dict[ReadingName, Counter[Outcome]]:
    """How many combinations of answers end in each verdict, per reading."""
    found: dict[ReadingName, Counter[Outcome]] = {}
    for name, shift in impact(space, readings, readings).items():
        found[name] = Counter()
        for (_, after), n in shift.counts.items():
            found[name][after] += n
    return found


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


def applying(space: Space, readings: Readings) -> dict[str, dict[ReadingName, int]]:
    """For each rule: in how many combinations of answers it applies (fires), per reading."""
    rule_sets = [readings.today, readings.articles]
    states, slices = _states(space, rule_sets)
    found: dict[str, dict[ReadingName, int]] = {}
    for (shift, _), name, rules in zip(slices, READINGS, rule_sets, strict=True):
        for index, rule in enumerate(rules):
            bit = 1 << (shift + index)
            counts = found.setdefault(rule.code, {reading: 0 for reading in READINGS})
            counts[name] = sum(size for state, (size, _) in states.items() if state & bit)
    return found
