"""The verdict engine, without a database: the seeded rules are read straight from the fixtures.

tests/test_advisor.py checks that `Rule.objects.for_engine()` gives the engine the same rules.
"""

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.verdict import Basis, Citation, Rule, changes, verdict

ROOT = Path(__file__).resolve().parent.parent


def _fixture(app: str) -> list[dict]:
    return json.loads((ROOT / app / "fixtures" / f"{app}.json").read_text(encoding="utf-8"))


def _seeded() -> tuple[dict[str, tuple[str, list[str]]], tuple[Rule, ...]]:
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
    rules = []
    for o in advisor:
        if o["model"] != "advisor.rule":
            continue
        f = o["fields"]
        conditions: dict[str, set[str]] = {}
        for question, option in f["conditions"]:
            conditions.setdefault(question, set()).add(option)
        slug = f["criterion"][0]
        rules.append(
            Rule(
                code=f["code"],
                effect=f["effect"],
                hypervisor=f["hypervisor"],
                points=f["points"] if f["effect"] == "prefer" else 0,
                conditions={q: frozenset(options) for q, options in conditions.items()},
                reason=f["reason_en"],
                basis=Basis(slug, slug, f"/en/compare/#{slug}", disagree[slug]),
                citations=tuple(
                    Citation(quote_sources[a], quote_sources[a], "…", "…", "…", f"#{a}")
                    for [a] in f["quotes"]
                ),
                order=f["order"],
            )
        )
    return questions, tuple(rules)


QUESTIONS, RULES = _seeded()


def fire(answers: dict[str, set[str]]):
    return verdict({q: frozenset(options) for q, options in answers.items()}, RULES)


# The simplest answers that make each seeded rule fire, and the verdict they give alone.
CASES = [
    ("kvm-needs-hw-virt", {"hw_virt": {"no"}}, "xen"),
    ("kvm-x86-only", {"cpu_arch": {"arm"}}, "xen"),
    ("kvm-no-itanium", {"cpu_arch": {"ia64"}}, "xen"),
    ("kvm-needs-linux-host", {"host_os": {"non_linux"}}, "xen"),
    ("xen-windows-needs-hvm", {"guest_os": {"windows"}, "hw_virt": {"no"}}, "none"),
    ("xen-already-running", {"existing": {"xen_in_use"}}, "xen"),
    ("kvm-new-server", {"existing": {"new_server"}}, "kvm"),
    ("xen-performance", {"priority": {"performance"}}, "xen"),
    ("kvm-linux-integration", {"priority": {"linux_integration"}}, "kvm"),
    ("xen-maturity", {"priority": {"maturity"}}, "xen"),
    ("kvm-future-development", {"priority": {"future_development"}}, "kvm"),
    ("kvm-rhel-host", {"host_os": {"rhel"}}, "kvm"),
    ("xen-suse-host", {"host_os": {"suse"}}, "xen"),
    ("kvm-beginner", {"expertise": {"beginner"}}, "kvm"),
    ("xen-live-migration", {"live_migration": {"required"}}, "xen"),
    ("kvm-red-hat", {"vendor": {"red_hat"}}, "kvm"),
    ("xen-citrix", {"vendor": {"citrix"}}, "xen"),
    ("find-out-hw-virt", {"hw_virt": {"unknown"}}, "either"),
    ("find-out-cpu-arch", {"cpu_arch": {"unknown"}}, "either"),
    ("xen-no-32bit-host", {"cpu_arch": {"x86_32"}}, "either"),
]


def test_every_seeded_rule_has_a_case_below():
    assert sorted(code for code, _, _ in CASES) == sorted(rule.code for rule in RULES)


@pytest.mark.parametrize(("code", "answers", "outcome"), CASES, ids=[c[0] for c in CASES])
def test_each_seeded_rule_fires_on_its_simplest_answers_and_gives_its_verdict(
    code, answers, outcome
):
    result = fire(answers)
    fired = [r.code for r in (*result.blockers, *result.reasons, *result.warnings)]
    assert code in fired
    assert result.outcome == outcome


def test_the_api_example_of_the_product_gives_kvm_four_to_nothing():
    result = fire(
        {
            "cpu_arch": {"x86_64"},
            "hw_virt": {"yes"},
            "guest_os": {"linux", "windows"},
            "existing": {"new_server"},
            "priority": {"linux_integration"},
        }
    )
    assert (result.outcome, dict(result.scores)) == ("kvm", {"xen": 0, "kvm": 4})
    assert [r.code for r in result.reasons] == ["kvm-new-server", "kvm-linux-integration"]
    assert not result.blockers and not result.warnings


def test_no_answers_give_either_with_no_reasons():
    result = fire({})
    assert (result.outcome, result.reasons, result.blockers) == ("either", (), ())


def test_equal_points_give_either_with_the_reasons_of_both_sides():
    result = fire({"existing": {"xen_in_use"}, "priority": {"linux_integration"}})
    assert result.outcome == "either"
    assert {r.hypervisor for r in result.reasons} == {"xen", "kvm"}


def test_reasons_come_heaviest_first():
    result = fire({"vendor": {"citrix"}, "existing": {"new_server"}, "host_os": {"rhel"}})
    assert [r.points for r in result.reasons] == [2, 1, 1]


def test_unknown_answers_rule_nothing_out_but_warn():
    result = fire({"hw_virt": {"unknown"}, "cpu_arch": {"unknown"}, "guest_os": {"windows"}})
    assert not result.blockers
    assert {r.code for r in result.warnings} == {"find-out-hw-virt", "find-out-cpu-arch"}


def test_a_blocked_side_keeps_its_points_but_loses():
    result = fire(
        {"hw_virt": {"no"}, "existing": {"new_server"}, "priority": {"linux_integration"}}
    )
    assert result.scores["kvm"] == 4
    assert result.outcome == "xen"


def test_conditions_are_alternatives_within_a_question_and_all_required_across_questions():
    rule = Rule(
        "r", "block", {"cpu_arch": frozenset({"arm", "ia64"}), "hw_virt": frozenset({"no"})}, "kvm"
    )
    assert rule.fires({"cpu_arch": frozenset({"ia64"}), "hw_virt": frozenset({"no"})})
    assert not rule.fires({"cpu_arch": frozenset({"ia64"})})
    assert not rule.fires({"cpu_arch": frozenset({"x86_64"}), "hw_virt": frozenset({"no"})})


def test_a_rule_without_conditions_never_fires():
    assert verdict({}, [Rule("empty", "block", {}, "kvm")]).outcome == "either"


def test_reasons_citing_each_article_for_a_different_side_put_the_sources_at_odds():
    result = fire({"priority": {"performance"}, "host_os": {"rhel"}})  # es → Xen, ru → KVM
    assert result.sources_disagree
    assert result.at_odds == {"xen-performance", "kvm-rhel-host"}


def test_reasons_from_one_article_on_an_agreed_row_are_not_at_odds():
    result = fire({"priority": {"linux_integration"}, "host_os": {"rhel"}})
    assert not result.sources_disagree


def test_a_reason_on_a_row_where_the_articles_disagree_is_marked_at_odds():
    assert fire({"hw_virt": {"no"}}).at_odds == {"kvm-needs-hw-virt"}


def test_changes_tell_which_single_answer_lifts_a_none_verdict():
    answers = {"hw_virt": frozenset({"no"}), "guest_os": frozenset({"windows", "linux"})}
    found = {
        (c.question, c.options, c.outcome)
        for c in changes(
            answers, RULES, {"hw_virt": ["yes", "no", "unknown"], "guest_os": ["linux", "windows"]}
        )
    }
    assert ("hw_virt", frozenset({"yes"}), "either") in found
    assert ("guest_os", frozenset({"linux"}), "xen") in found
    assert not any(options == {"unknown"} for _, options, _ in found)


def test_changes_are_only_offered_for_a_none_verdict():
    assert changes({"hw_virt": frozenset({"no"})}, RULES, {"hw_virt": ["yes", "no"]}) == ()


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
def test_any_valid_answers_give_a_verdict_without_raising(answers):
    result = verdict(answers, RULES)
    assert result.outcome in {"xen", "kvm", "either", "none"}
    assert all(points >= 0 for points in result.scores.values())


@settings(max_examples=300, deadline=None)
@given(answer_sets())
def test_a_blocked_side_never_wins(answers):
    result = verdict(answers, RULES)
    for side in ("xen", "kvm"):
        if result.is_blocked(side):
            assert result.outcome not in (side, "either")


@settings(max_examples=200, deadline=None)
@given(answer_sets(), st.randoms(use_true_random=False))
def test_the_same_answers_always_give_the_same_verdict(answers, random):
    shuffled_rules = list(RULES)
    random.shuffle(shuffled_rules)
    reordered = dict(reversed(list(answers.items())))
    assert verdict(answers, RULES) == verdict(reordered, shuffled_rules) == verdict(answers, RULES)


@settings(max_examples=100, deadline=None)
@given(answer_sets())
def test_every_change_offered_really_lifts_the_none_verdict(answers):
    options = {code: options for code, (_, options) in QUESTIONS.items()}
    for change in changes(answers, RULES, options):
        changed = {**answers, change.question: change.options}
        assert verdict(changed, RULES).outcome == change.outcome != "none"
