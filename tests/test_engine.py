"""The verdict engine, without a database: the seeded rules are read straight from the fixtures.

Every rule has two readings (per the articles, today); `RULES.today` and `RULES.articles` are
the rule sets the engine sees for each. Properties over any answers: test_engine_properties.py;
tests/test_wizard.py checks that `Rule.objects.for_engine()` gives the engine the same rules.
"""

import pytest

from advisor.engine import Rule, decide, decide_readings
from advisor.whatif import changes
from tests.factories import seeded_rules

QUESTIONS, RULES = seeded_rules()


def answers_of(answers: dict[str, set[str]]):
    return {q: frozenset(options) for q, options in answers.items()}


def fire(answers: dict[str, set[str]], reading: str = "today"):
    return decide(answers_of(answers), getattr(RULES, reading))


# The simplest answers that make each seeded rule fire, and the verdict they give alone in each
# reading: (code, answers, per the articles, today).
CASES = [
    ("kvm-needs-hw-virt", {"hw_virt": {"no"}}, "xen", "xen"),
    ("kvm-x86-only", {"cpu_arch": {"arm64"}}, "xen", "either"),
    ("kvm-no-arm32", {"cpu_arch": {"arm32"}}, "xen", "xen"),
    ("kvm-no-itanium", {"cpu_arch": {"ia64"}}, "xen", "none"),
    ("xen-no-itanium", {"cpu_arch": {"ia64"}}, "xen", "none"),
    ("xen-no-32bit-host", {"cpu_arch": {"x86_32"}}, "either", "kvm"),
    ("kvm-needs-linux-host", {"host_os": {"non_linux"}}, "xen", "xen"),
    ("xen-windows-needs-hvm", {"guest_os": {"windows"}, "hw_virt": {"no"}}, "none", "none"),
    ("xen-pv-guests-only", {"guest_os": {"bsd"}, "hw_virt": {"no"}}, "xen", "none"),
    ("xen-already-running", {"existing": {"xen_in_use"}}, "xen", "xen"),
    ("kvm-new-server", {"existing": {"new_server"}}, "kvm", "kvm"),
    ("xen-performance", {"priority": {"performance"}}, "xen", "either"),
    ("kvm-linux-integration", {"priority": {"linux_integration"}}, "kvm", "kvm"),
    ("xen-maturity", {"priority": {"maturity"}}, "xen", "either"),
    ("kvm-future-development", {"priority": {"future_development"}}, "kvm", "kvm"),
    ("kvm-rhel-host", {"host_os": {"rhel"}}, "kvm", "kvm"),
    ("xen-suse-host", {"host_os": {"suse"}}, "xen", "either"),
    ("kvm-beginner", {"expertise": {"beginner"}}, "kvm", "kvm"),
    ("xen-live-migration", {"live_migration": {"required"}}, "xen", "too_few"),
    ("kvm-red-hat", {"vendor": {"red_hat"}}, "kvm", "kvm"),
    ("kvm-proxmox", {"vendor": {"proxmox"}}, "either", "kvm"),
    ("xen-citrix", {"vendor": {"citrix"}}, "xen", "xen"),
    ("xen-xcp-ng", {"vendor": {"xcp_ng"}}, "either", "xen"),
    ("find-out-hw-virt", {"hw_virt": {"unknown"}}, "too_few", "too_few"),
    ("find-out-cpu-arch", {"cpu_arch": {"unknown"}}, "too_few", "too_few"),
    ("find-out-arm-width", {"cpu_arch": {"arm"}}, "xen", "too_few"),
]


def _codes(result) -> list[str]:
    return [r.code for r in (*result.blockers, *result.reasons, *result.warnings)]


def test_every_seeded_rule_has_a_case_below():
    seeded = {rule.code for rule in (*RULES.today, *RULES.articles)}
    assert sorted(code for code, *_ in CASES) == sorted(seeded)


@pytest.mark.parametrize(("code", "answers", "articles", "today"), CASES, ids=[c[0] for c in CASES])
def test_each_seeded_rule_gives_its_verdict_in_both_readings(code, answers, articles, today):
    results = decide_readings(answers_of(answers), RULES)
    assert (results.articles.outcome, results.today.outcome) == (articles, today)
    fired_somewhere = _codes(results.today) + _codes(results.articles)
    assert code in fired_somewhere


@pytest.mark.parametrize(
    ("answers", "outcome"),
    [
        ({"cpu_arch": {"arm64"}, "hw_virt": {"yes"}, "existing": {"new_server"}}, "kvm"),
        ({"cpu_arch": {"ia64"}, "hw_virt": {"yes"}}, "none"),
        ({"cpu_arch": {"x86_32"}, "hw_virt": {"yes"}}, "kvm"),
    ],
    ids=["arm64-new-server", "itanium", "32-bit-x86"],
)
def test_the_issues_examples_get_todays_answer(answers, outcome):
    assert fire(answers).outcome == outcome


def test_a_new_rhel_server_wanting_speed_migration_and_citrix_is_kvm_today_and_xen_per_the_articles():
    answers = {
        "host_os": {"rhel"},
        "existing": {"new_server"},
        "priority": {"performance"},
        "live_migration": {"required"},
        "vendor": {"citrix"},
    }
    results = decide_readings(answers_of(answers), RULES)
    assert results.articles.outcome == "xen"
    assert (results.today.outcome, dict(results.today.scores)) == ("kvm", {"xen": 1, "kvm": 5})
    assert results.changed == {"kvm-rhel-host", "xen-performance", "xen-live-migration"}


def test_the_api_example_of_the_product_gives_kvm_four_to_nothing_in_both_readings():
    answers = {
        "cpu_arch": {"x86_64"},
        "hw_virt": {"yes"},
        "guest_os": {"linux", "windows"},
        "existing": {"new_server"},
        "priority": {"linux_integration"},
    }
    for reading in ("today", "articles"):
        result = fire(answers, reading)
        assert (result.outcome, dict(result.scores)) == ("kvm", {"xen": 0, "kvm": 4})
        assert [r.code for r in result.reasons] == ["kvm-new-server", "kvm-linux-integration"]
        assert not result.blockers and not result.warnings


def test_no_answers_are_too_few_and_say_which_questions_would_help():
    result = fire({})
    assert (result.outcome, result.reasons, result.blockers) == ("too_few", (), ())
    assert {"cpu_arch", "hw_virt", "host_os", "existing", "priority"} <= set(result.needed)


def test_only_i_dont_know_answers_are_still_too_few():
    result = fire({"hw_virt": {"unknown"}, "cpu_arch": {"unknown"}})
    assert result.outcome == "too_few"
    assert {r.code for r in result.warnings} == {"find-out-hw-virt", "find-out-cpu-arch"}


def test_an_answer_that_rules_nothing_out_and_scores_nothing_is_either_not_too_few():
    result = fire({"cpu_arch": {"x86_64"}})
    assert (result.outcome, dict(result.scores), result.needed) == (
        "either",
        {"xen": 0, "kvm": 0},
        (),
    )


def test_equal_points_give_either_with_the_reasons_of_both_sides():
    result = fire({"existing": {"xen_in_use"}, "priority": {"linux_integration"}})
    assert result.outcome == "either"
    assert {r.hypervisor for r in result.reasons} == {"xen", "kvm"}


def test_reasons_come_heaviest_first():
    result = fire({"vendor": {"citrix"}, "existing": {"new_server"}, "host_os": {"rhel"}})
    assert [r.points for r in result.reasons] == [3, 2, 1]


def test_unknown_answers_rule_nothing_out_but_warn():
    result = fire({"hw_virt": {"unknown"}, "cpu_arch": {"unknown"}, "guest_os": {"windows"}})
    assert not result.blockers
    assert {r.code for r in result.warnings} == {"find-out-hw-virt", "find-out-cpu-arch"}


def test_the_retired_arm_answer_warns_today_and_rules_kvm_out_per_the_articles():
    results = decide_readings(answers_of({"cpu_arch": {"arm"}, "existing": {"new_server"}}), RULES)
    assert [r.code for r in results.today.warnings] == ["find-out-arm-width"]
    assert results.today.outcome == "kvm"
    assert results.articles.outcome == "xen"


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
    result = decide({"cpu_arch": frozenset({"x86_64"})}, [Rule("empty", "block", {}, "kvm")])
    assert not result.blockers


def test_reasons_citing_each_article_for_a_different_side_put_the_sources_at_odds():
    result = fire(
        {"priority": {"performance"}, "host_os": {"rhel"}}, "articles"
    )  # es → Xen, ru → KVM
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
            answers,
            RULES.today,
            {"hw_virt": ["yes", "no", "unknown"], "guest_os": ["linux", "windows"]},
        )
    }
    assert ("hw_virt", frozenset({"yes"}), "either") in found
    assert ("guest_os", frozenset({"linux"}), "xen") in found
    assert not any(options == {"unknown"} for _, options, _ in found)


def test_changes_are_only_offered_for_a_none_verdict():
    assert changes({"hw_virt": frozenset({"no"})}, RULES.today, {"hw_virt": ["yes", "no"]}) == ()
