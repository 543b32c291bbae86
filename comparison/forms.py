from django import forms
from django.utils.translation import gettext_lazy as _


class TableFilterForm(forms.Form):
    """The comparison page's one filter: every row, or only the rows where Xen and KVM differ."""

    show = forms.ChoiceField(
        label=_("Rows"),
        choices=[("all", _("All rows")), ("differences", _("Only differences"))],
        required=False,
        widget=forms.RadioSelect,
        error_messages={
            "invalid_choice": _(
                "“%(value)s” is not a way to filter rows: use “all” or “differences”."
            )
        },
    )

    def differences_only(self) -> bool:
        return self.cleaned_data.get("show") == "differences"
