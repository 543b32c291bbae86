"""Which rules decide the verdicts: a rule decides a combination of answers when it fires there and
switching it off would give another verdict. Counted by classes, checked against enumeration."""

import itertools
import random
from collections import Counter
from typing import Literal

import pytest

from advisor import impact
from advisor.engine import Effect, Hypervisor, Readings, Rule, decide

YES_NO = impact.Space({"arch": (False, ("yes", "no")), "host": (False, ("x", "y"))})


def _every_combination(space: impact.Space):
    for combination in itertools.product(*(list(space.answers(q)) for q in space.questions)):
        yield {q: a for q, a in zip(space.questions, combination, strict=True) if a}


def _deciding_by_enumeration(space: impact.Space, rules) -> Counter:
    counted: Counter = Counter()
    for answers in _every_combination(space):
        outcome = decide(answers, rules).outcome
        for rule in rules:
            rest = [other for other in rules if other is not rule]
            if rule.fires(answers) and decide(answers, rest).outcome != outcome:
                counted[rule.code] += 1
    return counted


def _deciding(space: impact.Space, rules) -> Counter:
    return impact.tally(space, Readings(today=tuple(rules), articles=()))["today"].deciding


def test_a_rule_that_fires_wherever_its_side_is_ruled_out_decides_nothing():
    rules = [
        Rule("xen-out", "block", {"arch": frozenset({"yes"})}, hypervisor="xen"),
        Rule("xen-point", "prefer", {"arch": frozenset({"yes"})}, hypervisor="xen", points=1),
    ]
    counted = impact.tally(YES_NO, Readings(today=tuple(rules), articles=()))["today"]
    # arch unanswered: too few (3); yes: KVM, Xen is out (3); no: either (3).
    assert counted.outcomes == Counter({"too_few": 3, "kvm": 3, "either": 3})
    assert counted.applying == Counter({"xen-out": 3, "xen-point": 3})
    # Without the block, Xen's point wins all three; without the point, Xen is still out.
    assert counted.deciding == Counter({"xen-out": 3})
    assert counted.deciding["xen-point"] == 0


def test_a_blocking_rule_decides_only_the_verdicts_it_flips():
    rules = [
        Rule("kvm-out", "block", {"arch": frozenset({"no"})}, hypervisor="kvm"),
        Rule("kvm-on-x", "prefer", {"host": frozenset({"x"})}, hypervisor="kvm", points=2),
        Rule("xen-on-y", "prefer", {"host": frozenset({"y"})}, hypervisor="xen", points=1),
    ]
    # arch=no: Xen whatever the host; without the block, host x gives KVM (flipped), host y
    # gives Xen anyway (not flipped), no host gives either (flipped).
    assert _deciding(YES_NO, rules)["kvm-out"] == 2
    assert _deciding(YES_NO, rules) == _deciding_by_enumeration(YES_NO, rules)


def test_two_rules_ruling_the_same_side_out_decide_nothing_where_both_fire():
    rules = [
        Rule("kvm-out-arch", "block", {"arch": frozenset({"no"})}, hypervisor="kvm"),
        Rule("kvm-out-host", "block", {"host": frozenset({"y"})}, hypervisor="kvm"),
    ]
    # Each alone rules KVM out in 2 combinations of its own (the other question unanswered or
    # the other option), turning "either" into Xen; where both fire neither decides.
    assert _deciding(YES_NO, rules) == Counter({"kvm-out-arch": 2, "kvm-out-host": 2})


def test_a_warning_decides_where_its_unknown_answer_was_the_only_one():
    space = impact.Space({"arch": (False, ("no", "unknown")), "host": (False, ("x",))})
    rules = [
        Rule("kvm-out", "block", {"arch": frozenset({"no"})}, hypervisor="kvm"),
        Rule("find-out", "warn", {"arch": frozenset({"unknown"})}),
    ]
    # "I don't know" is no answer to go on (too few); without the warning it is one (either).
    assert _deciding(space, rules) == Counter({"kvm-out": 2, "find-out": 2})


@pytest.mark.parametrize("seed", range(40))
def test_random_rule_sets_count_as_enumeration_does(seed):
    chance = random.Random(seed)
    space = impact.Space(
        {
            "arch": (False, ("a", "b", "unknown")),
            "guests": (True, ("linux", "windows", "bsd")),
            "host": (False, ("x", "y")),
        }
    )
    rules = []
    for number in range(chance.randint(1, 6)):
        conditions = {
            code: frozenset(chance.sample(options, chance.randint(1, len(options))))
            for code, (_, options) in space.questions.items()
            if chance.random() < 0.5
        }
        effect: Effect = chance.choice(["block", "prefer", "prefer", "warn"])
        side: Hypervisor | Literal[""] = "" if effect == "warn" else chance.choice(["xen", "kvm"])
        points = chance.randint(0, 3) if effect == "prefer" else 0
        rules.append(Rule(f"r{number}", effect, conditions, hypervisor=side, points=points))
    assert _deciding(space, rules) == _deciding_by_enumeration(space, rules)
