from django import forms
from django.utils.translation import gettext_lazy as _

SHOW_CHOICES = [
    ("all", _("All rows")),
    ("differences", _("Only differences")),
    ("changed", _("Changed since the articles")),
]


class TableFilterForm(forms.Form):
    """The comparison page's filter: every row, the rows where Xen and KVM differ today, or the
    rows whose edge changed since the articles."""

    show = forms.ChoiceField(
        label=_("Rows"),
        choices=SHOW_CHOICES,
        required=False,
        widget=forms.RadioSelect,
        error_messages={
            "invalid_choice": _(
                "“%(value)s” is not a way to filter rows: use “all”, “differences” or “changed”."
            )
        },
    )

    def shown(self) -> str:
        """The rows asked for; "all" when the form is invalid (the page says so)."""
        return (self.cleaned_data.get("show") or "all") if self.is_valid() else "all"

    def links(self) -> list[tuple[str, str, str]]:
        """Each way to filter as (value, label, query string), for links that work without JS."""
        return [
            (str(value), str(label), "" if value == "all" else f"?show={value}")
            for value, label in SHOW_CHOICES
        ]
