"""Admin for the wizard and its rules.

The three languages of each text stand side by side (`SideBySideTranslationAdmin`, also in the
inlines' tables), so an editor compares them at a glance.
"""

from typing import Any

import reversion
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import ManyToManyField, Model, QuerySet
from django.forms import ModelForm, ModelMultipleChoiceField
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.urls import URLPattern, path
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from comparison.admin import QuoteAdmin
from comparison.models import Quote
from core.admin import LabelledInlineMixin, SideBySideTranslationAdmin

from . import preview
from .models import Option, Question, Rule, Step
from .protection import RuleProtectedAdmin, RuleProtectedInlineFormSet

# As in comparison/admin.py: registered once the translated columns exist. A rule's version holds
# its conditions and quotes (many-to-many fields are part of the row's data); a question's its options.
reversion.register(Option)
reversion.register(Question, follow=["options"])
reversion.register(Step)
reversion.register(Rule)


class QuestionInline(LabelledInlineMixin, TranslationTabularInline):
    model = Question
    fields = ["code", "text", "kind", "order"]
    extra = 0
    show_change_link = True


@admin.register(Step)
class StepAdmin(SideBySideTranslationAdmin):
    list_display = ["title", "code", "order"]
    inlines = [QuestionInline]


class OptionInline(LabelledInlineMixin, TranslationTabularInline):
    model = Option
    formset = RuleProtectedInlineFormSet
    fields = ["code", "label", "order"]
    extra = 1


@admin.register(Question)
class QuestionAdmin(RuleProtectedAdmin, SideBySideTranslationAdmin):
    list_display = ["code", "text", "step", "kind", "option_codes"]
    list_filter = ["step"]
    list_select_related = ["step"]
    search_fields = ["code", "text"]
    inlines = [OptionInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Question]:
        return super().get_queryset(request).prefetch_related("options")

    @admin.display(description=_("options"))
    def option_codes(self, question: Question) -> str:
        return ", ".join(option.code for option in question.options.all())


@admin.register(Rule)
class RuleAdmin(SideBySideTranslationAdmin):
    list_display = [
        "code",
        "per_the_articles",
        "today",
        "when",
        "note_checked",
    ]
    list_filter = ["effect", "articles_effect", "hypervisor", "active", "note_checked"]
    list_select_related = ["criterion"]
    search_fields = ["code", "reason", "today_reason", "note"]
    filter_horizontal = ["conditions", "quotes"]
    change_form_template = "admin/advisor/rule/change_form.html"

    class Media:
        js = ["admin_site/select-filter-names.js"]

    fieldsets = [
        (None, {"fields": ["code", "hypervisor", "conditions", "active", "order"]}),
        (
            _("Per the articles"),
            {
                "fields": ["articles_effect", "articles_points", "reason"],
                "description": _("What the two articles say or imply, faithfully."),
            },
        ),
        (
            _("Today"),
            {
                "fields": ["effect", "points", "today_reason"],
                "description": _(
                    "What holds now; visitors see this reading first. “Does not apply” turns "
                    "the rule off in this reading."
                ),
            },
        ),
        (
            _("Current-status note"),
            {"fields": ["note", "note_reference", "note_url", "note_checked"]},
        ),
        (_("Sources"), {"fields": ["criterion", "quotes"]}),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Rule]:
        return super().get_queryset(request).prefetch_related("conditions__question")

    change_list_template = "admin/advisor/rule/change_list.html"

    def get_urls(self) -> list[URLPattern]:
        view = self.admin_site.admin_view(self.verdict_map_view)
        return [path("verdict-map/", view, name="advisor_rule_verdict_map"), *super().get_urls()]

    def verdict_map_view(self, request: HttpRequest) -> TemplateResponse:
        """Per reading: how often each verdict comes out, and the rules deciding the most verdicts."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Verdict map"),
            "map": preview.verdict_map(),
        }
        return TemplateResponse(request, "admin/advisor/rule/verdict_map.html", context)

    def get_form(
        self, request: HttpRequest, obj: Model | None = None, change: bool = False, **kwargs: Any
    ) -> type[ModelForm]:
        form = super().get_form(request, obj, change=change, **kwargs)
        if request.method != "POST" or "_preview" not in request.POST:
            return form
        stored_code = obj.code if isinstance(obj, Rule) else None

        class PreviewForm(form):  # type: ignore[valid-type,misc]
            """Valid or not, never saved: a valid form gets the verdicts' changes instead."""

            impact: tuple[int, list[preview.Move]] | None = None

            def is_valid(self) -> bool:
                if super().is_valid():
                    self.impact = preview.moves(
                        stored_code, self.instance, self.cleaned_data["conditions"]
                    )
                return False

        return PreviewForm

    def render_change_form(
        self, request: HttpRequest, context: dict[str, Any], *args: Any, **kwargs: Any
    ) -> Any:
        impact = getattr(context["adminform"].form, "impact", None)
        if impact is not None:
            context["impact_total"], context["impact_moves"] = impact
        return super().render_change_form(request, context, *args, **kwargs)

    def formfield_for_manytomany(
        self, db_field: ManyToManyField, request: HttpRequest, **kwargs: Any
    ) -> ModelMultipleChoiceField | None:
        # Each option reads "question: answer" (Option.__str__): one query for all of them.
        if db_field.name == "conditions":
            kwargs["queryset"] = Option.objects.select_related("question")
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    # One column per reading, "KVM: effect (+points)": every column stays in view at 1440 px.
    @admin.display(description=_("Per the articles"), ordering="articles_effect")
    def per_the_articles(self, rule: Rule) -> str:
        return _reading(rule, rule.get_articles_effect_display(), *rule.reading("articles"))

    @admin.display(description=_("Today"), ordering="effect")
    def today(self, rule: Rule) -> str:
        return _reading(rule, rule.get_effect_display(), *rule.reading("today"))

    @admin.display(description=_("when the answers include"))
    def when(self, rule: Rule) -> str:
        return " · ".join(str(option) for option in rule.conditions.all())


def _reading(rule: Rule, label: str, effect: str, points: int) -> str:
    if effect == Rule.Effect.PREFER:
        label = f"{label} (+{points})"
    if effect in (Rule.Effect.PREFER, Rule.Effect.BLOCK) and rule.hypervisor:
        label = f"{rule.get_hypervisor_display()}: {label}"
    return label


# The rules' citations live in this app: the quotes' admin learns here which rules use a quote.
admin.site.unregister(Quote)


@admin.register(Quote)
class RuleProtectedQuoteAdmin(RuleProtectedAdmin, QuoteAdmin):
    pass
