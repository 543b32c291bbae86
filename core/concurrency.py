"""No lost update in the admin: a save is refused when someone else saved the row since it was opened.

The change form carries, in a hidden field, a fingerprint of every stored value the editor saw: one
short hash per field of the row (many-to-many sets included) and one per inline table. On save,
inside the save's transaction and with the row locked, the fingerprint is taken again: if any part
differs, the form comes back with the editor's input kept, a message naming what the other editor
changed and its value now, and a fresh fingerprint, so a second save (after reading) goes through.
Reverting or recovering a version from the history is deliberate and not checked.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.db.models import ManyToManyField, Model
from django.forms.models import _get_foreign_key
from django.http import HttpRequest, HttpResponse
from django.utils.text import Truncator
from django.utils.translation import gettext as _

if TYPE_CHECKING:
    from django.forms import ModelForm

OPENED = "_opened_version"
_SHOWN_CHARACTERS = 160


def _digest(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _field_values(obj: Model) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for field in obj._meta.concrete_fields:
        if not field.primary_key:
            values[field.name] = field.value_from_object(obj)
    for m2m in obj._meta.many_to_many:
        through = m2m.remote_field.through
        if isinstance(m2m, ManyToManyField) and through is not None and through._meta.auto_created:
            values[m2m.name] = sorted(m2m.value_from_object(obj), key=lambda o: o.pk)
    return values


class ConcurrencyMixin(admin.ModelAdmin):
    """The optimistic lock of a model admin's change form (the template renders `opened_version`)."""

    change_form_template = "admin/core/change_form.html"

    def _inline_rows(self, obj: Model) -> dict[str, tuple[str, list[Model]]]:
        rows = {}
        for inline in self.inlines:
            fk = _get_foreign_key(type(obj), inline.model, fk_name=inline.fk_name)
            related = list(inline.model._default_manager.filter(**{fk.name: obj}).order_by("pk"))
            rows[f"inline:{inline.model._meta.model_name}"] = (
                str(inline.model._meta.verbose_name_plural),
                related,
            )
        return rows

    def stored_version(self, obj: Model) -> dict[str, str]:
        """One short hash per field and per inline table, of the values in the database now."""
        parts = {name: _digest(value) for name, value in _field_values(obj).items()}
        for key, (_label, related) in self._inline_rows(obj).items():
            parts[key] = _digest([[o.pk, _field_values(o)] for o in related])
        return parts

    def _changes_since(self, obj: Model, opened: dict[str, str]) -> list[str]:
        """What differs from the version the editor opened, as "label: value now" lines."""
        now = self.stored_version(obj)
        values = _field_values(obj)
        inline_rows = self._inline_rows(obj)
        lines = []
        for key in [*now, *(key for key in opened if key not in now)]:
            if now.get(key) == opened.get(key):
                continue
            if key in inline_rows:
                label, related = inline_rows[key]
                shown = "; ".join(str(o) for o in related) or "—"
            elif key in values:
                label = str(getattr(obj._meta.get_field(key), "verbose_name", key))
                value = values[key]
                if isinstance(value, list):
                    shown = ", ".join(str(o) for o in value) or "—"
                else:
                    shown = "—" if value in (None, "") else str(value)
            else:
                continue
            lines.append(f"{label}: {Truncator(shown).chars(_SHOWN_CHARACTERS)}")
        return lines

    def get_form(
        self, request: HttpRequest, obj: Model | None = None, change: bool = False, **kwargs: Any
    ) -> type[ModelForm]:
        form = super().get_form(request, obj, change=change, **kwargs)
        if obj is None or getattr(request, "_history_form", False):
            return form
        model_admin = self
        locked = obj

        class VersionCheckedForm(form):  # type: ignore[valid-type,misc]
            def clean(self) -> dict[str, Any]:
                cleaned = super().clean()
                try:
                    opened = json.loads(self.data.get(OPENED) or "null")
                except ValueError:
                    opened = None
                if not isinstance(opened, dict):
                    return cleaned  # a form opened before the check existed: nothing to compare
                stored = type(locked)._default_manager.select_for_update().get(pk=locked.pk)
                changes = model_admin._changes_since(stored, opened)
                if changes:
                    raise ValidationError(
                        [
                            _(
                                "Someone else saved this page after you opened it. Nothing of "
                                "yours is saved yet, and your input is kept below. What they "
                                "changed, as it is now:"
                            ),
                            *changes,
                            _(
                                "Compare with your input, then save again to keep your version "
                                "of these fields."
                            ),
                        ],
                        code="edit_conflict",
                    )
                return cleaned

        return VersionCheckedForm

    def changeform_view(
        self,
        request: HttpRequest,
        object_id: str | None = None,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        extra_context = dict(extra_context or {})
        if extra_context.get("revert") or extra_context.get("recover"):
            request._history_form = True  # type: ignore[attr-defined]
        elif object_id is not None:
            obj = self.get_object(request, unquote(object_id))
            if obj is not None:
                # After a refused save this is the newer version, so saving again goes through.
                extra_context["opened_version"] = json.dumps(self.stored_version(obj))
        return super().changeform_view(request, object_id, form_url, extra_context)
