from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Layout
from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

SHOW_CHOICES = [
    ("all", _("All rows")),
    ("differences", _("Only differences")),
    ("changed", _("Changed since the articles")),
]


class TableFilterForm(forms.Form):
    """The comparison page's filter: every row, the rows where Xen and KVM differ today, or the
    rows whose edge changed since the articles.

    Rendered by crispy-forms as a GET form of toggle buttons (`?show=differences`), which works
    without JavaScript; with htmx it swaps only the table and pushes the new address.
    """

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

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        here = reverse("comparison:compare")
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.form_action = here
        self.helper.form_show_errors = False  # the table says what was wrong, and shows every row
        self.helper.attrs = {
            "hx-get": here,
            "hx-target": "#comparison-table",
            "hx-swap": "outerHTML",
            "hx-push-url": "true",
        }
        self.helper.layout = Layout(
            Field("show", template="comparison/compare.html#filter_buttons")
        )

    def shown(self) -> str:
        """The rows asked for; "all" when the form is invalid (the page says so)."""
        return (self.cleaned_data.get("show") or "all") if self.is_valid() else "all"
