from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .detect import MAX_BYTES, Detection, detect


class DetectForm(forms.Form):
    """Pasted `lscpu`, `/proc/cpuinfo` and/or `/etc/os-release` output, read by detect.py."""

    text = forms.CharField(
        label=_("Output of lscpu, /proc/cpuinfo or /etc/os-release"),
        help_text=_("Paste one or more of them; up to 64 KB. Nothing you paste is stored."),
        strip=False,
        widget=forms.Textarea(attrs={"rows": 6, "spellcheck": "false", "autocomplete": "off"}),
        error_messages={"required": _("Paste the output of one of the commands first.")},
    )

    def clean_text(self) -> str:
        text: str = self.cleaned_data["text"]
        if len(text.encode()) > MAX_BYTES:
            raise forms.ValidationError(
                _(
                    "That is more than 64 KB. Paste the output of lscpu, or only the first processor "
                    "of /proc/cpuinfo (up to the first empty line)."
                ),
                code="too_large",
            )
        return text

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if "text" in cleaned:
            found = detect(cleaned["text"])
            if not found.recognised:
                self.add_error(
                    "text",
                    forms.ValidationError(
                        _(
                            "Nothing in this text looks like lscpu, /proc/cpuinfo or /etc/os-release "
                            "output. Copy the whole output of the command and try again."
                        ),
                        code="unrecognised",
                    ),
                )
            cleaned["detection"] = found
        return cleaned

    @property
    def too_large(self) -> bool:
        return self.has_error("text", "too_large")

    @property
    def detection(self) -> Detection:
        return self.cleaned_data["detection"]
