import reversion
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline
from modeltranslation.settings import DEFAULT_LANGUAGE

from core.admin import LabelledInlineMixin, SideBySideTranslationAdmin

from .models import Citation, Criterion, Quote, Source, Topic

# Registered here, not in models.py: modeltranslation has added the ru/es/en columns by the time the
# admin is loaded, so every version records all three languages. A criterion's version carries its
# citations, so a revert or a recovery restores them as one unit. (A topic does not carry its rows:
# reverting a topic must not delete a row added since, which rules may rest on.)
reversion.register(Source)
reversion.register(Quote)
reversion.register(Citation)
reversion.register(Criterion, follow=["citations"])
reversion.register(Topic)


class CitationInline(LabelledInlineMixin, admin.TabularInline):
    model = Citation
    extra = 1
    # A plain, labelled select: the autocomplete widget's combobox has no accessible name.
    fields = ["quote", "side", "order"]


@admin.register(Source)
class SourceAdmin(SideBySideTranslationAdmin):
    list_display = ["title", "code", "language", "written", "order"]
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


class CriterionInline(LabelledInlineMixin, TranslationTabularInline):
    model = Criterion
    fields = ["title", "edge", "order"]
    extra = 0
    show_change_link = True


@admin.register(Topic)
class TopicAdmin(SideBySideTranslationAdmin):
    list_display = ["title", "slug", "order"]
    prepopulated_fields = {"slug": ["title_en"]}
    inlines = [CriterionInline]


@admin.register(Criterion)
class CriterionAdmin(SideBySideTranslationAdmin):
    # The topic is a filter, not a column: every column then stays in view at 1440 px.
    list_display = [
        "title",
        "articles_edge",
        "edge",
        "articles_disagree",
        "has_note",
        "note_checked",
    ]
    list_filter = ["topic", "edge", "articles_edge", "articles_disagree", "note_checked"]
    search_fields = ["title", "xen", "kvm", "note", "slug"]
    list_select_related = ["topic"]
    prepopulated_fields = {"slug": ["title_en"]}
    inlines = [CitationInline]
    fieldsets = [
        (None, {"fields": ["topic", "slug", "order", "title"]}),
        (_("Edge, in two readings"), {"fields": ["articles_edge", "edge"]}),
        (_("Cells"), {"fields": ["xen", "kvm"]}),
        (_("Sources disagree"), {"fields": ["articles_disagree", "disagreement"]}),
        (
            _("Current-status note"),
            {"fields": ["note", "note_reference", "note_url", "note_checked"]},
        ),
    ]

    @admin.display(boolean=True, description=_("note"))
    def has_note(self, criterion: Criterion) -> bool:
        return bool(getattr(criterion, f"note_{DEFAULT_LANGUAGE}"))
