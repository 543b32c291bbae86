"""What an editor's browser posts back from an admin change page, unchanged: the tests edit it."""

from typing import Any

from django.forms import BaseForm, BooleanField
from django.test import Client


def _form_fields(form: BaseForm) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for name, field in form.fields.items():
        value = form[name].value()
        key = form.add_prefix(name)
        if isinstance(field, BooleanField):
            if value:
                data[key] = "on"
        elif isinstance(value, (list, tuple)):
            data[key] = [getattr(item, "pk", item) for item in value]
        elif value is not None:
            data[key] = getattr(value, "pk", value)
    return data


def change_form_data(client: Client, url: str) -> dict[str, Any]:
    """The change form at `url` with its inlines, as the browser would submit it untouched."""
    context = client.get(url).context
    data = _form_fields(context["adminform"].form)
    if context.get("opened_version"):
        data["_opened_version"] = context["opened_version"]
    for inline in context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(_form_fields(formset.management_form))
        for form in formset.forms:
            data.update(_form_fields(form))
    return data
