"""Properties of the verdict engine over any valid answers (hypothesis), and which unknown
answers could overturn a verdict: the seeded rules, read from the fixtures, without a database."""

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.engine import Readings, RuleSet, decide, decide_readings
from advisor.whatif import changes, overturning
from tests.factories import seeded_rules

QUESTIONS, RULES = seeded_rules()

OPTIONS = {code: options for code, (_, options) in QUESTIONS.items()}


def test_an_unknown_architecture_that_could_overturn_the_verdict_is_urgent():
    answers = {"cpu_arch": frozenset({"unknown"}), "existing": frozenset({"new_server"})}
    assert overturning(answers, RULES.today, OPTIONS) == {"find-out-cpu-arch"}


def test_an_unknown_that_cannot_change_the_verdict_is_not_urgent():
    # The non-Linux host rules KVM out whatever the processor offers, and Linux guests run on Xen
    # with or without VT-x: finding out changes nothing.
    answers = {
        "hw_virt": frozenset({"unknown"}),
        "host_os": frozenset({"non_linux"}),
        "guest_os": frozenset({"linux"}),
    }
    assert overturning(answers, RULES.today, OPTIONS) == frozenset()


@st.composite
def answer_sets(draw):
    answers = {}
    for code, (kind, options) in QUESTIONS.items():
        if not draw(st.booleans()):
            continue
        if kind == "many":
            answers[code] = frozenset(draw(st.sets(st.sampled_from(options), min_size=1)))
        else:
            answers[code] = frozenset({draw(st.sampled_from(options))})
    return answers


@settings(max_examples=300, deadline=None)
@given(answer_sets())
def test_any_valid_answers_give_both_verdicts_without_raising(answers):
    results = decide_readings(answers, RULES)
    for result in (results.today, results.articles):
        assert result.outcome in {"xen", "kvm", "either", "none", "too_few"}
        assert all(points >= 0 for points in result.scores.values())


@settings(max_examples=300, deadline=None)
@given(answer_sets())
def test_a_blocked_side_never_wins_in_either_reading(answers):
    results = decide_readings(answers, RULES)
    for result in (results.today, results.articles):
        for side in ("xen", "kvm"):
            if result.is_blocked(side):
                assert result.outcome not in (side, "either", "too_few")


@settings(max_examples=200, deadline=None)
@given(answer_sets(), st.randoms(use_true_random=False))
def test_the_same_answers_always_give_the_same_verdicts(answers, random):
    today, articles = list(RULES.today), list(RULES.articles)
    random.shuffle(today)
    random.shuffle(articles)
    reordered = dict(reversed(list(answers.items())))
    shuffled = Readings(today=tuple(today), articles=tuple(articles))
    assert (
        decide_readings(answers, RULES)
        == decide_readings(reordered, shuffled)
        == decide_readings(answers, RULES)
    )


@settings(max_examples=200, deadline=None)
@given(answer_sets())
def test_each_reading_is_the_verdict_of_its_own_rules_alone(answers):
    results = decide_readings(answers, RULES)
    assert results.today == decide(answers, RULES.today)
    assert results.articles == decide(answers, RULES.articles)


@settings(max_examples=200, deadline=None)
@given(answer_sets())
def test_a_changed_rule_fired_and_did_something_else_in_the_other_reading(answers):
    results = decide_readings(answers, RULES)
    for code in results.changed:
        assert results.today.fired.get(code) != results.articles.fired.get(code)
    outcomes = {results.today.outcome, results.articles.outcome}
    if len(outcomes) == 2 and "too_few" not in outcomes:
        assert results.changed


@settings(max_examples=100, deadline=None)
@given(answer_sets())
def test_every_change_offered_really_lifts_the_none_verdict(answers):
    for change in changes(answers, RULES.today, OPTIONS):
        changed = {**answers, change.question: change.options}
        assert decide(changed, RULES.today).outcome == change.outcome != "none"


def every_change(answers, rules, options):
    """What would change a `none` verdict, asking the engine about every other answer."""
    current = decide(answers, rules)
    if current.outcome != "none":
        return ()
    known = {rule.code for rule in current.warnings}
    found = []
    for question, answered in answers.items():
        candidates = [frozenset({o}) for o in options.get(question, ()) if o not in answered]
        if len(answered) > 1:
            candidates += [answered - {o} for o in sorted(answered)]
        for candidate in candidates:
            result = decide({**answers, question: candidate}, rules)
            if result.outcome != "none" and {r.code for r in result.warnings} <= known:
                found.append((question, candidate, result.outcome))
    return tuple(found)


# Two answers that rule both sides out today: any answers with them added give `none`.
BOTH_RULED_OUT = [
    {first: frozenset({a}), second: frozenset({b})}
    for first, second in itertools.combinations(OPTIONS, 2)
    for a in OPTIONS[first]
    for b in OPTIONS[second]
    if decide({first: frozenset({a}), second: frozenset({b})}, RULES.today).outcome == "none"
]


@settings(max_examples=150, deadline=None)
@given(answer_sets(), st.sampled_from(BOTH_RULED_OUT))
def test_what_would_change_a_verdict_skips_only_questions_that_cannot_change_it(answers, both):
    answers = {**answers, **both}
    assert decide(answers, RULES.today).outcome == "none"
    offered = changes(answers, RULES.today, OPTIONS)
    assert [(c.question, c.options, c.outcome) for c in offered] == list(
        every_change(answers, RULES.today, OPTIONS)
    )


@settings(max_examples=300, deadline=None)
@given(answer_sets())
def test_the_rules_that_fire_are_those_whose_conditions_hold_heaviest_first(answers):
    for reading in (RULES.today, RULES.articles):
        rules = RuleSet(reading)
        assert rules.firing(answers) == [r for r in rules.by_weight if r.fires(answers)]
