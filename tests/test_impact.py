"""Counting the verdicts over every combination of answers: the class count equals enumeration."""

import itertools
from collections import Counter

import pytest

from advisor import impact
from advisor.engine import Readings, Rule, decide

SPACE = impact.Space(
    {
        "arch": (False, ("x86", "arm", "unknown")),
        "guests": (True, ("linux", "windows", "bsd")),
        "host": (False, ("rhel", "debian")),
        "colour": (False, ("red", "blue")),  # no rule asks: only multiplies the count
    }
)
RULES = (
    Rule("kvm-x86", "block", {"arch": frozenset({"arm"})}, hypervisor="kvm"),
    Rule("xen-win", "prefer", {"guests": frozenset({"windows"})}, hypervisor="xen", points=2),
    Rule(
        "kvm-linux",
        "prefer",
        {"guests": frozenset({"linux", "bsd"}), "host": frozenset({"rhel"})},
        hypervisor="kvm",
        points=2,
    ),
    Rule("xen-debian", "prefer", {"host": frozenset({"debian"})}, hypervisor="xen", points=1),
    Rule("arch-unknown", "warn", {"arch": frozenset({"unknown"})}),
    Rule("half-made", "prefer", {}, hypervisor="kvm", points=5),
)


def _every_combination(space: impact.Space):
    for combination in itertools.product(*(list(space.answers(q)) for q in space.questions)):
        yield {q: a for q, a in zip(space.questions, combination, strict=True) if a}


def _naive(space: impact.Space, rules) -> Counter:
    return Counter(decide(answers, rules).outcome for answers in _every_combination(space))


def test_the_space_counts_unanswered_and_every_subset():
    assert SPACE.total == 4 * 8 * 3 * 3
    assert sum(1 for _ in _every_combination(SPACE)) == SPACE.total


@pytest.mark.parametrize("reading", ["today", "articles"])
def test_the_class_count_equals_enumerating_every_combination(reading):
    articles = (*RULES[:1], RULES[2], RULES[4])  # another rule set: fewer rules, other classes
    readings = Readings(today=RULES, articles=articles)
    counted = impact.tally(SPACE, readings)[reading].outcomes
    assert counted == _naive(SPACE, getattr(readings, reading))
    assert sum(counted.values()) == SPACE.total
    assert counted["too_few"] > 0 and counted["none"] == 0


def test_a_change_counts_from_and_to_as_enumeration_does():
    before = Readings(today=RULES, articles=RULES)
    heavier = Rule(
        "kvm-linux",
        "prefer",
        {"guests": frozenset({"linux", "bsd"}), "host": frozenset({"rhel"})},
        hypervisor="kvm",
        points=5,
    )
    after = impact.replaced(before, "kvm-linux", heavier, None)
    shifts = impact.impact(SPACE, before, after)
    for name in ("today", "articles"):
        expected = Counter(
            (decide(a, getattr(before, name)).outcome, decide(a, getattr(after, name)).outcome)
            for a in _every_combination(SPACE)
        )
        assert shifts[name].counts == expected
    assert ("either", "kvm") in {(old, new) for old, new, _, _ in shifts["today"].moves()}
    # Switched off per the articles, it no longer gives KVM anything there.
    assert {new for _, new, _, _ in shifts["articles"].moves()} <= {"xen", "either", "too_few"}


def test_examples_are_answers_that_make_the_move():
    before = Readings(today=RULES, articles=RULES)
    after = impact.without(before, "kvm-x86")
    for name, shift in impact.impact(SPACE, before, after).items():
        for old, new, count, examples in shift.moves():
            assert 0 < len(examples) <= impact.EXAMPLES and count >= len(examples)
            for answers in examples:
                assert decide(answers, getattr(before, name)).outcome == old
                assert decide(answers, getattr(after, name)).outcome == new


def test_no_change_moves_nothing():
    readings = Readings(today=RULES, articles=RULES)
    shifts = impact.impact(SPACE, readings, readings)
    assert all(shift.changed == 0 and not shift.moves() for shift in shifts.values())


def test_how_often_each_rule_applies_matches_enumeration():
    readings = Readings(today=RULES, articles=RULES[:3])
    counted = impact.tally(SPACE, readings)["today"].applying
    for rule in RULES:
        expected = sum(1 for answers in _every_combination(SPACE) if rule.fires(answers))
        assert counted[rule.code] == expected
    assert counted["half-made"] == 0 and "arch-unknown" not in {r.code for r in RULES[:3]}
