"""The wizard's steps, questions and options.

`Question.objects.for_wizard()` turns them into the frozen dataclasses of answers.py, in a fixed
number of queries, with every text in the active language (`Text`, which says whether it fell back
to English).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from core.texts import translated

from .. import answers

# Step codes become URLs next to these; a step cannot take their place.
RESERVED_STEP_CODES = frozenset({"verdict", "detect"})


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

    def for_wizard(self) -> answers.Wizard:
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
                    text=translated(question, "text"),
                    help=translated(question, "help_text"),
                    options=tuple(
                        answers.Option(option.code, translated(option, "label"), option.retired)
                        for option in question.options.all()
                    ),
                )
            )
        return answers.Wizard(
            tuple(
                answers.Step(step.code, translated(step, "title"), tuple(qs))
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
    retired = models.BooleanField(
        _("retired"),
        default=False,
        help_text=_(
            "A retired option is no longer offered in the wizard, but old links that use it still "
            "work. Retire an option instead of deleting it."
        ),
    )

    objects = OptionManager()

    class Meta:
        ordering = ["question__step__order", "question__order", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["question", "code"], name="option_code_per_question")
        ]
        verbose_name = _("option")
        verbose_name_plural = _("options")

    def __str__(self) -> str:
        # As the editor reads it in a rule's conditions, in the admin's language.
        return f"{self.question.text}: {self.label}"

    def natural_key(self) -> tuple[str, str]:
        return (self.question.code, self.code)

    natural_key.dependencies = ["advisor.question"]  # type: ignore[attr-defined]
