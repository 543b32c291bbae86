"""The admin's titles and the base of every translated model's admin page."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.contrib import admin
from django.contrib.admin.options import BaseModelAdmin, InlineModelAdmin
from django.db.models import Field, Model, QuerySet
from django.forms import BaseForm
from django.forms import Field as FormField
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from reversion_compare.admin import CompareVersionAdmin

from .concurrency import ConcurrencyMixin
from .translation_status import CURRENT, MISSING, STALE, marks_for, statuses

if TYPE_CHECKING:
    from django.contrib.admin.options import _FieldOpts, _FieldsetSpec

admin.site.site_header = _("Xen or KVM? — content")
admin.site.site_title = _("Xen or KVM? editors")
admin.site.index_title = _("Comparison and advisor content")


class LabelledInputsMixin(BaseModelAdmin):
    """Every input named for screen readers: in the inlines' tables and the editable lists a
    field's name is only in the column header, so each input also carries it as `aria-label`."""

    def formfield_for_dbfield(
        self, db_field: Field, request: HttpRequest, **kwargs: Any
    ) -> FormField | None:
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None and db_field.verbose_name:
            formfield.widget.attrs.setdefault("aria-label", db_field.verbose_name)
        return formfield


class LabelledInlineMixin(LabelledInputsMixin, InlineModelAdmin):
    """`LabelledInputsMixin` for an inline table, its "delete" checkboxes included."""

    def get_formset(
        self, request: HttpRequest, obj: Model | None = None, **kwargs: Any
    ) -> type[BaseInlineFormSet]:
        formset = super().get_formset(request, obj, **kwargs)

        class LabelledFormSet(formset):  # type: ignore[valid-type,misc]
            def add_fields(self, form: BaseForm, index: int | None) -> None:
                super().add_fields(form, index)
                if "DELETE" in form.fields:
                    form.fields["DELETE"].widget.attrs.setdefault("aria-label", _("Delete"))

        return LabelledFormSet


class SideBySideTranslationAdmin(
    LabelledInputsMixin, ConcurrencyMixin, CompareVersionAdmin, TranslationAdmin
):
    """The languages of each translated field on one line (ru | es | en), served without JavaScript.

    modeltranslation's tabbed admin needs jQuery UI from a CDN; this keeps every asset on the site
    and lets an editor compare the three texts at a glance.

    Every save is a revision (django-reversion): "History" compares two versions language by
    language and reverts one, "Recover deleted …" brings a deleted row back. The models are
    registered explicitly in the apps' admin.py, with what each one carries along. A save over
    someone else's newer save is refused with their change shown (`ConcurrencyMixin`). The lists
    show each row's translation status (core/translation_status.py), with a filter for it.
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

    def get_list_display(self, request: HttpRequest) -> list[str | Callable[[Any], str | bool]]:
        # One query for the marks of every row on the page, however many rows it shows.
        marks: dict[str, dict] | None = None

        def translation(obj: Model) -> str:
            nonlocal marks
            if marks is None:
                marks = marks_for(self.model)
            found = statuses(obj, marks.get(str(obj.pk), {}))
            problems = [
                f"{language}: {STATUS_LABELS[status]}"
                for language, status in found.items()
                if status != CURRENT
            ]
            return " · ".join(problems) or str(STATUS_LABELS[CURRENT])

        translation.short_description = _("translation")  # type: ignore[attr-defined]
        return [*super().get_list_display(request), translation]

    def get_list_filter(self, request: HttpRequest) -> list[Any]:
        return [*super().get_list_filter(request), TranslationStatusFilter]


STATUS_LABELS = {
    MISSING: _("missing"),
    STALE: _("stale, the English changed"),
    CURRENT: _("up to date"),
}


class TranslationStatusFilter(admin.SimpleListFilter):
    """Rows whose Russian or Spanish is missing, or older than their English."""

    title = _("translation")
    parameter_name = "translation"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [
            (MISSING, _("a translation is missing")),
            (STALE, _("a translation is older than the English")),
            (CURRENT, _("all translations up to date")),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        wanted = self.value()
        if wanted not in STATUS_LABELS:
            return queryset
        marks = marks_for(queryset.model)
        chosen = []
        for obj in queryset:
            found = set(statuses(obj, marks.get(str(obj.pk), {})).values())
            if (wanted == CURRENT and found == {CURRENT}) or (
                wanted != CURRENT and wanted in found
            ):
                chosen.append(obj.pk)
        return queryset.filter(pk__in=chosen)
