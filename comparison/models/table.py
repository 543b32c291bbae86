"""The comparison table: topics, criteria (rows) with their dated notes, and the citations
that tie a row to the quoted passages."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Max, Prefetch
from django.urls import reverse
from django.utils.timezone import localdate
from django.utils.translation import gettext_lazy as _

from core.texts import Note, translated

from .articles import Quote


def last_updated() -> datetime.date:
    """When the visible content last changed: an editor's latest admin change, or the date the
    seeded content was last reviewed (settings.CONTENT_REVIEWED), whichever is later."""
    latest = LogEntry.objects.filter(
        content_type__app_label__in=("comparison", "advisor")
    ).aggregate(latest=Max("action_time"))["latest"]
    reviewed: datetime.date = settings.CONTENT_REVIEWED
    return max(reviewed, localdate(latest)) if latest else reviewed


class Hypervisor(models.TextChoices):
    XEN = "xen", "Xen"
    KVM = "kvm", "KVM"


class Edge(models.TextChoices):
    XEN = "xen", "Xen"
    KVM = "kvm", "KVM"
    TIE = "tie", _("Tie")
    DEPENDS = "depends", _("Depends")


class DatedNote(models.Model):
    """A current-status note: what holds today, where it comes from, and when it was last checked."""

    note = models.TextField(
        _("current-status note"),
        blank=True,
        help_text=_("What is true today where an article is outdated, contested or wrong."),
    )
    note_reference = models.CharField(
        _("note reference"),
        max_length=300,
        blank=True,
        help_text=_("Where the current fact comes from, e.g. “Linux 3.11 release notes (2013)”."),
    )
    note_url = models.URLField(
        _("note link"),
        blank=True,
        max_length=500,
        help_text=_("A link to the reference, when it is online. Optional."),
    )
    note_checked = models.DateField(
        _("note checked on"),
        null=True,
        blank=True,
        help_text=_("The day an editor last checked the note against its reference."),
    )

    class Meta:
        abstract = True

    def dated_note(self) -> Note | None:
        """The note in the active language, as the pages and the API show it."""
        if not self.note:
            return None
        return Note(
            text=translated(self, "note"),
            reference=translated(self, "note_reference"),
            url=self.note_url,
            checked=self.note_checked,
        )

    def clean_note(self) -> dict[str, str]:
        """A note without a reference or a date cannot be trusted by a reader: ask for both."""
        if not self.note:
            return {}
        errors: dict[str, str] = {}
        if not (self.note_reference or self.note_url):
            errors["note_reference"] = str(_("Name the source of the note, or give a link to it."))
        if not self.note_checked:
            errors["note_checked"] = str(_("Give the day the note was last checked."))
        return errors


class Topic(models.Model):
    slug = models.SlugField(_("slug"), unique=True, max_length=60)
    title = models.CharField(_("title"), max_length=120)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self) -> str:
        return self.title


class CriterionQuerySet(models.QuerySet["Criterion"]):
    def get_by_natural_key(self, slug: str) -> Criterion:
        return self.get(slug=slug)

    def for_table(self, *, show: str = "all") -> CriterionQuerySet:
        """Rows as the comparison page shows them, in a fixed number of queries.

        `show`: "all", "differences" (Xen and KVM differ today) or "changed" (today's edge is
        not the articles' edge).
        """
        rows = self.select_related("topic").prefetch_related(
            Prefetch(
                "citations",
                # The article's full text is not shown here: don't fetch it once per citation.
                queryset=Citation.objects.select_related("quote__source")
                .defer("quote__source__text")
                .order_by("order", "pk"),
            )
        )
        if show == "differences":
            rows = rows.exclude(edge=Edge.TIE)
        elif show == "changed":
            rows = rows.exclude(edge=F("articles_edge"))
        return rows.order_by("topic__order", "topic__slug", "order", "slug")


class Criterion(DatedNote):
    topic = models.ForeignKey(
        Topic, on_delete=models.PROTECT, related_name="criteria", verbose_name=_("topic")
    )
    slug = models.SlugField(_("slug"), unique=True, max_length=60)
    title = models.CharField(_("criterion"), max_length=160)
    xen = models.TextField(_("Xen cell"))
    kvm = models.TextField(_("KVM cell"))
    edge = models.CharField(
        _("edge today"),
        max_length=10,
        choices=Edge.choices,
        help_text=_(
            "Which side this row favours today, as its current-status note explains. Visitors see "
            "it first; “tie” rows are hidden by “only differences”."
        ),
    )
    articles_edge = models.CharField(
        _("edge per the articles"),
        max_length=10,
        choices=Edge.choices,
        help_text=_(
            "Which side the two articles give this row. When it is not today's edge, the row is "
            "marked “changed since the articles”."
        ),
    )
    articles_disagree = models.BooleanField(
        _("the articles disagree"),
        default=False,
        help_text=_("Tick when the two source articles say different things on this row."),
    )
    disagreement = models.TextField(
        _("how they disagree"),
        blank=True,
        help_text=_("Shown next to the “sources disagree” mark."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    quotes = models.ManyToManyField(Quote, through="Citation", related_name="criteria")

    objects = CriterionQuerySet.as_manager()

    class Meta:
        ordering = ["topic__order", "order", "slug"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("comparison:compare") + f"#{self.slug}"

    def natural_key(self) -> tuple[str]:
        return (self.slug,)

    @property
    def differs(self) -> bool:
        return self.edge != Edge.TIE

    @property
    def changed(self) -> bool:
        """Today's edge is not the one the articles give."""
        return self.edge != self.articles_edge

    def clean(self) -> None:
        if errors := self.clean_note():
            raise ValidationError(errors)

    def cited(self) -> dict[str, list[Citation]]:
        """The row's citations by the cell they support (reads prefetched citations if present)."""
        groups: dict[str, list[Citation]] = {side: [] for side in Citation.Side.values}
        for citation in self.citations.all():
            groups[citation.side].append(citation)
        return groups


class Citation(models.Model):
    class Side(models.TextChoices):
        XEN = "xen", "Xen"
        KVM = "kvm", "KVM"
        BOTH = "both", _("Both")

    criterion = models.ForeignKey(
        Criterion, on_delete=models.CASCADE, related_name="citations", verbose_name=_("criterion")
    )
    quote = models.ForeignKey(
        Quote, on_delete=models.PROTECT, related_name="citations", verbose_name=_("quote")
    )
    side = models.CharField(
        _("cell"),
        max_length=4,
        choices=Side.choices,
        default=Side.BOTH,
        help_text=_("Which cell of the row this quote supports."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["criterion", "quote"], name="one_citation_per_quote")
        ]
        verbose_name = _("citation")
        verbose_name_plural = _("citations")

    def __str__(self) -> str:
        return f"{self.criterion} ← {self.quote.anchor}"
