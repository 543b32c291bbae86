from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import admin
from django.db.models import Model
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from modeltranslation.settings import DEFAULT_LANGUAGE

if TYPE_CHECKING:
    from django.contrib.admin.options import _FieldOpts, _FieldsetSpec

from .models import Citation, Criterion, Quote, Source, Topic

admin.site.site_header = _("Xen or KVM? — content")
admin.site.site_title = _("Xen or KVM? editors")
admin.site.index_title = _("Comparison and advisor content")


class SideBySideTranslationAdmin(TranslationAdmin):
    """The languages of each translated field on one line (ru | es | en), served without JavaScript.

    modeltranslation's tabbed admin needs jQuery UI from a CDN; this keeps every asset on the site
    and lets an editor compare the three texts at a glance.
    """

    class Media:
        css = {"all": ["admin_site/side-by-side.css"]}

    def get_fieldsets(self, request: HttpRequest, obj: Model | None = None) -> _FieldsetSpec:
        base_of = {
            translated.name: base
            for base, fields in self.trans_opts.all_fields.items()
            for translated in fields
        }
        grouped = []
        for name, options in super().get_fieldsets(request, obj):
            lines: list[str | tuple[str, ...]] = []
            for field in options.get("fields", ()):
                if not isinstance(field, str):
                    lines.append(tuple(field))
                    continue
                base = base_of.get(field)
                previous = lines[-1] if lines else None
                if base and isinstance(previous, tuple) and base_of.get(previous[0]) == base:
                    lines[-1] = (*previous, field)
                else:
                    lines.append((field,) if base else field)
            grouped_options: _FieldOpts = {**options, "fields": tuple(lines)}
            grouped.append((name, grouped_options))
        return grouped


class CitationInline(admin.TabularInline):
    model = Citation
    extra = 1
    autocomplete_fields = ["quote"]
    fields = ["quote", "side", "order"]


@admin.register(Source)
class SourceAdmin(SideBySideTranslationAdmin):
    list_display = ["title", "code", "language", "written", "order"]
    list_editable = ["order"]
    search_fields = ["title", "code", "text"]


@admin.register(Quote)
class QuoteAdmin(SideBySideTranslationAdmin):
    list_display = ["anchor", "source", "excerpt", "criteria_count"]
    list_filter = ["source"]
    search_fields = ["anchor", "original", "translation"]
    list_select_related = ["source"]

    @admin.display(description=_("passage"))
    def excerpt(self, quote: Quote) -> str:
        return quote.original if len(quote.original) < 90 else quote.original[:89] + "…"

    @admin.display(description=_("cited by rows"))
    def criteria_count(self, quote: Quote) -> int:
        return quote.citations.count()


class CriterionInline(TranslationTabularInline):
    model = Criterion
    fields = ["title", "edge", "order"]
    extra = 0
    show_change_link = True


@admin.register(Topic)
class TopicAdmin(SideBySideTranslationAdmin):
    list_display = ["title", "slug", "order"]
    list_editable = ["order"]
    prepopulated_fields = {"slug": ["title_en"]}
    inlines = [CriterionInline]


@admin.register(Criterion)
class CriterionAdmin(SideBySideTranslationAdmin):
    list_display = ["title", "topic", "edge", "articles_disagree", "has_note", "order"]
    list_editable = ["edge", "order"]
    list_filter = ["topic", "edge", "articles_disagree"]
    search_fields = ["title", "xen", "kvm", "note", "slug"]
    list_select_related = ["topic"]
    prepopulated_fields = {"slug": ["title_en"]}
    inlines = [CitationInline]
    fieldsets = [
        (None, {"fields": ["topic", "slug", "order", "title", "edge"]}),
        (_("Cells"), {"fields": ["xen", "kvm"]}),
        (_("Sources disagree"), {"fields": ["articles_disagree", "disagreement"]}),
        (_("Current-status note"), {"fields": ["note", "note_reference"]}),
    ]

    @admin.display(boolean=True, description=_("note"))
    def has_note(self, criterion: Criterion) -> bool:
        return bool(getattr(criterion, f"note_{DEFAULT_LANGUAGE}"))
