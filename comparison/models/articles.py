"""The source articles and the passages quoted from them; the originals are not translated."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from .table import Criterion


class Source(models.Model):
    code = models.SlugField(
        _("code"),
        unique=True,
        max_length=20,
        help_text=_("Short stable code used in citations and links, for example “ru”."),
    )
    title = models.CharField(_("title"), max_length=200)
    language = models.CharField(
        _("language of the article"), max_length=8, choices=settings.LANGUAGES
    )
    written = models.CharField(
        _("when written"),
        max_length=100,
        help_text=_("Approximate date, as precise as the article allows, e.g. “around 2009–2010”."),
    )
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One or two sentences shown above the article.")
    )
    text = models.TextField(
        _("full text"),
        help_text=_(
            "The article exactly as published, one paragraph per line. Quotes must match it."
        ),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("source article")
        verbose_name_plural = _("source articles")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("comparison:sources") + f"#source-{self.code}"


class QuoteManager(models.Manager["Quote"]):
    def get_by_natural_key(self, anchor: str) -> Quote:
        return self.get(anchor=anchor)


class Quote(models.Model):
    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, related_name="quotes", verbose_name=_("source article")
    )
    anchor = models.SlugField(
        _("anchor"),
        unique=True,
        max_length=80,
        help_text=_(
            "Stable id of the passage on the sources page, for example “ru-kvm-architectures”."
        ),
    )
    original = models.TextField(
        _("original passage"),
        help_text=_("Copied exactly from the article's full text, in the article's language."),
    )
    translation = models.TextField(
        _("translation"),
        help_text=_(
            "The passage in each language. In the article's own language, repeat the original."
        ),
    )

    objects = QuoteManager()

    class Meta:
        ordering = ["source__order", "pk"]
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")

    def __str__(self) -> str:
        head = self.original if len(self.original) <= 70 else self.original[:69] + "…"
        return f"[{self.source.code}] {head}"

    def get_absolute_url(self) -> str:
        return reverse("comparison:sources") + f"#{self.anchor}"

    def cited_by(self) -> list[tuple[Criterion, bool]]:
        """The rows that quote this passage, and whether the advisor's reasons quote it there too.

        A rule rests on a row, so a passage quoted by a rule is shown as its row, marked.
        """
        rows = {row.pk: row for row in self.criteria.all()}
        advisor = {rule.criterion_id for rule in self.advisor_rules.all()}  # type: ignore[attr-defined]
        for rule in self.advisor_rules.all():  # type: ignore[attr-defined]
            rows.setdefault(rule.criterion_id, rule.criterion)
        return [(row, pk in advisor) for pk, row in rows.items()]

    def natural_key(self) -> tuple[str]:
        return (self.anchor,)
