"""The rules of the verdict, each in two readings: per the articles, and today.

`Rule.objects.for_engine()` is the one place the database becomes the engine's dataclasses
(engine.py): both readings' rules, texts in the active language, in a fixed number of queries.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from comparison.models import Criterion, DatedNote, Quote
from core.texts import translated

from .. import engine
from .wizard import Option


class RuleQuerySet(models.QuerySet["Rule"]):
    def get_by_natural_key(self, code: str) -> Rule:
        return self.get(code=code)

    def for_engine(self) -> engine.Readings:
        """The active rules as the engine's dataclasses, in both readings (3 queries)."""
        rules = (
            self.filter(active=True)
            .select_related("criterion")
            .prefetch_related(
                Prefetch("conditions", queryset=Option.objects.select_related("question")),
                # The article's full text is not needed for a citation: don't fetch it per quote.
                Prefetch(
                    "quotes", queryset=Quote.objects.select_related("source").defer("source__text")
                ),
            )
        )
        today, articles = [], []
        for rule in rules:
            today.append(rule.as_engine_rule("today"))
            articles.append(rule.as_engine_rule("articles"))
        return engine.Readings(
            today=tuple(r for r in today if r is not None),
            articles=tuple(r for r in articles if r is not None),
        )


class Rule(DatedNote):
    """One judgement of the advisor, in two readings: per the articles, and today."""

    class Effect(models.TextChoices):
        BLOCK = "block", _("rules the hypervisor out")
        PREFER = "prefer", _("adds points to the hypervisor")
        WARN = "warn", _("warns only")
        OFF = "off", _("does not apply in this reading")

    class Side(models.TextChoices):
        XEN = "xen", "Xen"
        KVM = "kvm", "KVM"

    code = models.SlugField(
        _("code"), unique=True, max_length=60, help_text=_("Stable name, shown in the API.")
    )
    hypervisor = models.CharField(
        _("hypervisor"),
        max_length=3,
        choices=Side.choices,
        blank=True,
        help_text=_("The side the rule rules out or adds points to. Leave empty for a warning."),
    )
    effect = models.CharField(
        _("effect today"),
        max_length=6,
        choices=Effect.choices,
        help_text=_("What the rule does in today's verdict, the one visitors see first."),
    )
    points = models.PositiveSmallIntegerField(
        _("points today"),
        default=0,
        help_text=_("For “adds points”: the weight (1 = minor, 3 = decisive). Ignored otherwise."),
    )
    articles_effect = models.CharField(
        _("effect per the articles"),
        max_length=6,
        choices=Effect.choices,
        help_text=_("What the rule does in the verdict the articles would have given."),
    )
    articles_points = models.PositiveSmallIntegerField(
        _("points per the articles"),
        default=0,
        help_text=_("For “adds points”: the weight (1 = minor, 3 = decisive). Ignored otherwise."),
    )
    conditions = models.ManyToManyField(
        Option,
        related_name="rules",
        verbose_name=_("when the answers include"),
        help_text=_(
            "The rule applies when, for every question among these options, the visitor chose at least "
            "one of them: options of one question are alternatives (OR), different questions must all "
            "match (AND). A rule without options never applies."
        ),
    )
    reason = models.TextField(
        _("reason per the articles"),
        help_text=_("What the articles say, in one or two sentences, as the visitor reads it."),
    )
    today_reason = models.TextField(
        _("reason today"),
        blank=True,
        help_text=_(
            "Why the rule holds today, when that is not what the articles say. "
            "Leave empty to show the reason per the articles."
        ),
    )
    criterion = models.ForeignKey(
        Criterion,
        on_delete=models.PROTECT,
        related_name="advisor_rules",
        verbose_name=_("comparison row"),
        help_text=_("The row of the comparison this rule rests on; the verdict links to it."),
    )
    quotes = models.ManyToManyField(
        Quote,
        related_name="advisor_rules",
        blank=True,
        verbose_name=_("quotes"),
        help_text=_("The passages of the articles the reason is taken from."),
    )
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Breaks ties between equal points.")
    )
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Untick to take the rule out of every verdict.")
    )

    objects = RuleQuerySet.as_manager()

    class Meta:
        ordering = ["effect", "order", "code"]
        verbose_name = _("rule")
        verbose_name_plural = _("rules")

    def __str__(self) -> str:
        return self.code

    def natural_key(self) -> tuple[str]:
        return (self.code,)

    @property
    def changed(self) -> bool:
        """The rule does something else today than per the articles."""
        return self.reading("today") != self.reading("articles")

    def reading(self, name: engine.ReadingName) -> tuple[str, int]:
        effect, points = (
            (self.effect, self.points)
            if name == "today"
            else (self.articles_effect, self.articles_points)
        )
        return effect, points if effect == self.Effect.PREFER else 0

    def clean(self) -> None:
        errors = self.clean_note()
        effects = {self.effect, self.articles_effect}
        if effects & {self.Effect.BLOCK, self.Effect.PREFER} and not self.hypervisor:
            errors["hypervisor"] = str(_("Choose the hypervisor this rule rules out or favours."))
        for effect, points, field in (
            (self.effect, self.points, "points"),
            (self.articles_effect, self.articles_points, "articles_points"),
        ):
            if effect == self.Effect.PREFER and not points:
                errors[field] = str(_("A rule that adds points needs at least one point."))
        if errors:
            raise ValidationError(errors)

    def decision(
        self, name: engine.ReadingName, options: Iterable[Option]
    ) -> dict[str, Any] | None:
        """What the engine decides with in one reading, given the rule's condition options (the
        stored ones, or a form's before saving); None when the rule is off in that reading."""
        effect, points = self.reading(name)
        if effect == self.Effect.OFF:
            return None
        conditions: dict[str, set[str]] = {}
        for option in options:
            conditions.setdefault(option.question.code, set()).add(option.code)
        return {
            "code": self.code,
            "effect": effect,
            "hypervisor": self.hypervisor if effect != self.Effect.WARN else "",
            "points": points,
            "conditions": {q: frozenset(codes) for q, codes in conditions.items()},
            "order": self.order,
        }

    def as_engine_rule(self, name: engine.ReadingName) -> engine.Rule | None:
        """The rule as one reading sees it; None when it is off in that reading."""
        decision = self.decision(name, self.conditions.all())
        if decision is None:
            return None
        criterion = self.criterion
        reason = translated(self, "today_reason") if name == "today" else None
        return engine.Rule(
            **decision,
            reason=reason or translated(self, "reason"),
            note=self.dated_note(),
            basis=engine.Basis(
                slug=criterion.slug,
                title=translated(criterion, "title"),
                url=criterion.get_absolute_url(),
                articles_disagree=criterion.articles_disagree,
                disagreement=translated(criterion, "disagreement"),
            ),
            citations=tuple(
                engine.Citation(
                    source=quote.source.code,
                    source_title=translated(quote.source, "title"),
                    language=quote.source.language,
                    original=quote.original,
                    translation=translated(quote, "translation"),
                    url=quote.get_absolute_url(),
                )
                for quote in self.quotes.all()
            ),
        )


# The admin's delete pages list the links between rules and options or quotes that go too; without
# these they would read "Rule_conditions object (21)".
def _condition_link(link: models.Model) -> str:
    return f"{link.rule} ← {link.option}"  # type: ignore[attr-defined]


def _quote_link(link: models.Model) -> str:
    return f"{link.rule} ← {link.quote}"  # type: ignore[attr-defined]


Rule.conditions.through.__str__ = _condition_link  # type: ignore[method-assign,assignment]
Rule.quotes.through.__str__ = _quote_link  # type: ignore[method-assign,assignment]
