"""The advisor's content: the wizard's steps, questions and options, and the rules of the verdict.

Editors change all of it in admin, in every language (see translation.py). The verdict engine
never sees these models: `Question.objects.for_wizard()` and `Rule.objects.for_engine()` turn them
into the frozen dataclasses of answers.py and verdict.py, in a fixed number of queries, with every
text in the active language (an English fallback marked as such, unless `plain`).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from comparison.models import Criterion, Quote
from core.templatetags.content import tr

from . import answers, verdict

# Step codes become URLs next to these; a step cannot take their place.
RESERVED_STEP_CODES = frozenset({"verdict", "detect"})


def _text(obj: models.Model, name: str, *, plain: bool) -> str:
    # The same fallback mark as the comparison's {% tr %} tag; the API wants the bare text.
    return (getattr(obj, name) or "") if plain else tr(obj, name)


def _not_reserved(code: str) -> None:
    if code in RESERVED_STEP_CODES:
        raise ValidationError(
            _("“%(code)s” is taken by another page of the advisor."), params={"code": code}
        )


class StepManager(models.Manager["Step"]):
    def get_by_natural_key(self, code: str) -> Step:
        return self.get(code=code)


class Step(models.Model):
    code = models.SlugField(
        _("code"),
        unique=True,
        max_length=40,
        validators=[_not_reserved],
        help_text=_(
            "Part of the step's address, e.g. “hardware” gives /advisor/hardware/. Keep it stable."
        ),
    )
    title = models.CharField(
        _("title"), max_length=80, help_text=_("Shown in the progress indicator.")
    )
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Steps run from low to high.")
    )

    objects = StepManager()

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("wizard step")
        verbose_name_plural = _("wizard steps")

    def __str__(self) -> str:
        return self.title

    def natural_key(self) -> tuple[str]:
        return (self.code,)


class QuestionQuerySet(models.QuerySet["Question"]):
    def get_by_natural_key(self, code: str) -> Question:
        return self.get(code=code)

    def for_wizard(self, *, plain: bool = False) -> answers.Wizard:
        """Every step with its questions and options, as the wizard's dataclasses (3 queries)."""
        questions = self.select_related("step").prefetch_related(
            Prefetch("options", queryset=Option.objects.order_by("order", "code"))
        )
        steps: dict[Step, list[answers.Question]] = {}
        for question in questions.order_by("step__order", "step__code", "order", "code"):
            steps.setdefault(question.step, []).append(
                answers.Question(
                    code=question.code,
                    kind="many" if question.kind == Question.Kind.MANY else "one",
                    text=_text(question, "text", plain=plain),
                    help=_text(question, "help_text", plain=plain),
                    options=tuple(
                        answers.Option(option.code, _text(option, "label", plain=plain))
                        for option in question.options.all()
                    ),
                )
            )
        return answers.Wizard(
            tuple(
                answers.Step(step.code, _text(step, "title", plain=plain), tuple(qs))
                for step, qs in steps.items()
            )
        )


class Question(models.Model):
    class Kind(models.TextChoices):
        ONE = "one", _("one answer")
        MANY = "many", _("several answers")

    step = models.ForeignKey(
        Step, on_delete=models.PROTECT, related_name="questions", verbose_name=_("step")
    )
    code = models.SlugField(
        _("code"),
        unique=True,
        max_length=40,
        help_text=_(
            "The key in verdict links and in the API, e.g. “hw_virt”. Changing it breaks shared links."
        ),
    )
    kind = models.CharField(
        _("kind"),
        max_length=4,
        choices=Kind.choices,
        default=Kind.ONE,
        help_text=_("One answer (radio buttons) or several (checkboxes)."),
    )
    text = models.CharField(_("question"), max_length=200)
    help_text = models.TextField(
        _("help text"),
        blank=True,
        help_text=_("Shown under the question: what it means and how to find the answer out."),
    )
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Order within the step.")
    )

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["step__order", "order", "code"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return f"{self.code}: {self.text}"

    def natural_key(self) -> tuple[str]:
        return (self.code,)


class OptionManager(models.Manager["Option"]):
    def get_by_natural_key(self, question: str, code: str) -> Option:
        return self.get(question__code=question, code=code)


class Option(models.Model):
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="options", verbose_name=_("question")
    )
    code = models.SlugField(
        _("code"),
        max_length=40,
        help_text=_(
            "The value in verdict links and in the API, e.g. “yes”. Changing it breaks shared links."
        ),
    )
    label = models.CharField(_("label"), max_length=200)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = OptionManager()

    class Meta:
        ordering = ["question__step__order", "question__order", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["question", "code"], name="option_code_per_question")
        ]
        verbose_name = _("option")
        verbose_name_plural = _("options")

    def __str__(self) -> str:
        return f"{self.question.code} = {self.code}"

    def natural_key(self) -> tuple[str, str]:
        return (self.question.code, self.code)

    natural_key.dependencies = ["advisor.question"]  # type: ignore[attr-defined]


class RuleQuerySet(models.QuerySet["Rule"]):
    def get_by_natural_key(self, code: str) -> Rule:
        return self.get(code=code)

    def for_engine(self, *, plain: bool = False) -> tuple[verdict.Rule, ...]:
        """The active rules as the engine's dataclasses (3 queries)."""
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
        return tuple(rule.as_engine_rule(plain=plain) for rule in rules)


class Rule(models.Model):
    class Effect(models.TextChoices):
        BLOCK = "block", _("rules the hypervisor out")
        PREFER = "prefer", _("adds points to the hypervisor")
        WARN = "warn", _("warns only")

    class Side(models.TextChoices):
        XEN = "xen", "Xen"
        KVM = "kvm", "KVM"

    code = models.SlugField(
        _("code"), unique=True, max_length=60, help_text=_("Stable name, shown in the API.")
    )
    effect = models.CharField(_("effect"), max_length=6, choices=Effect.choices)
    hypervisor = models.CharField(
        _("hypervisor"),
        max_length=3,
        choices=Side.choices,
        blank=True,
        help_text=_("The side the rule rules out or adds points to. Leave empty for a warning."),
    )
    points = models.PositiveSmallIntegerField(
        _("points"),
        default=0,
        help_text=_(
            "For “adds points”: the weight of this reason (1 = minor, 3 = decisive). Ignored otherwise."
        ),
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
        _("reason"), help_text=_("Why, in one or two sentences, as the visitor reads it.")
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
    note = models.TextField(
        _("current-status note"),
        blank=True,
        help_text=_("What holds today where the article is outdated or contested. Optional."),
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

    def clean(self) -> None:
        if self.effect in (self.Effect.BLOCK, self.Effect.PREFER) and not self.hypervisor:
            raise ValidationError(
                {"hypervisor": _("Choose the hypervisor this rule rules out or favours.")}
            )
        if self.effect == self.Effect.PREFER and not self.points:
            raise ValidationError(
                {"points": _("A rule that adds points needs at least one point.")}
            )

    def as_engine_rule(self, *, plain: bool = False) -> verdict.Rule:
        conditions: dict[str, set[str]] = {}
        for option in self.conditions.all():
            conditions.setdefault(option.question.code, set()).add(option.code)
        criterion = self.criterion
        return verdict.Rule(
            code=self.code,
            effect=self.effect,  # type: ignore[arg-type]
            hypervisor=self.hypervisor,  # type: ignore[arg-type]
            points=self.points if self.effect == self.Effect.PREFER else 0,
            conditions={q: frozenset(options) for q, options in conditions.items()},
            reason=_text(self, "reason", plain=plain),
            note=_text(self, "note", plain=plain),
            basis=verdict.Basis(
                slug=criterion.slug,
                title=_text(criterion, "title", plain=plain),
                url=criterion.get_absolute_url(),
                articles_disagree=criterion.articles_disagree,
                disagreement=_text(criterion, "disagreement", plain=plain),
            ),
            citations=tuple(
                verdict.Citation(
                    source=quote.source.code,
                    source_title=_text(quote.source, "title", plain=plain),
                    language=quote.source.language,
                    original=quote.original,
                    translation=_text(quote, "translation", plain=plain),
                    url=quote.get_absolute_url(),
                )
                for quote in self.quotes.all()
            ),
            order=self.order,
        )
