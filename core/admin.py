"""The admin's titles and the base of every translated model's admin page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import admin
from django.db.models import Model
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

if TYPE_CHECKING:
    from django.contrib.admin.options import _FieldOpts, _FieldsetSpec

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
