"""The advisor's forms: one per wizard step, the what-if form and the paste box.

The answers travel in query strings, read by the one gate `advisor.query.parse()`. The step and
what-if forms are built from the wizard's dataclasses and rendered by crispy-forms through their
`FormHelper`s. Their field templates are partials of the page templates,
so the markup (fieldsets with legends, the "in English" mark, errors tied to their question with
`aria-describedby`) stays that of the pages.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from crispy_forms.bootstrap import StrictButton
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Field, Layout, LayoutObject
from django import forms
from django.template.loader import get_template
from django.urls import reverse
from django.utils.datastructures import MultiValueDict
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from .answers import Question, Step, Wizard
from .detect import MAX_BYTES, Detection, detect
from .engine import Answers
from .pages import step_url


class Partial(LayoutObject):
    """A `{% partialdef %}` of a page template inside a form's layout, with the page's context."""

    def __init__(self, template: str) -> None:
        self.template = template

    def render(self, form: forms.BaseForm, context: Any, **kwargs: Any) -> SafeString:
        return get_template(self.template).template.render(context)  # type: ignore[attr-defined]


def _choice_field(question: Question, selected: Iterable[str], *, blank: str = "") -> forms.Field:
    """A question as a form field: radio buttons (or a list) for one answer, check boxes for many.

    The labels are `core.texts.Text`s, so the field templates can mark a text shown in English.
    """
    choices: list[tuple[str, Any]] = [(o.code, o.label) for o in question.offered(selected)]
    field: forms.Field
    if question.many:
        field = forms.MultipleChoiceField(
            choices=choices,
            widget=forms.CheckboxSelectMultiple,
            error_messages={"required": _("Please choose at least one answer.")},
        )
    elif blank:
        field = forms.ChoiceField(choices=[("", blank), *choices], widget=forms.Select)
    else:
        field = forms.ChoiceField(
            choices=choices,
            widget=forms.RadioSelect,
            error_messages={"required": _("Please choose an answer.")},
        )
    field.label, field.help_text = question.text, question.help  # type: ignore[assignment]
    field.question = question  # type: ignore[attr-defined]
    return field


def _initial(questions: Iterable[Question], answers: Answers) -> dict[str, Any]:
    return {
        q.code: sorted(answers[q.code]) if q.many else next(iter(answers[q.code]))
        for q in questions
        if answers.get(q.code)
    }


class StepForm(forms.Form):
    """One step of the wizard: each of its questions must be answered before Next.

    Bound (`check=True`) when the visitor pressed Next, so a question without an answer shows
    "please answer" next to it; unbound otherwise, showing the answers so far.
    """

    def __init__(
        self, wizard: Wizard, step: Step, answers: Answers, *, check: bool = False
    ) -> None:
        initial = _initial(step.questions, answers)
        data = MultiValueDict({k: v if isinstance(v, list) else [v] for k, v in initial.items()})
        super().__init__(data if check else None, initial=initial, auto_id="%s")
        for question in step.questions:
            self.fields[question.code] = _choice_field(question, answers.get(question.code, ()))
        self.selected = {q.code: answers.get(q.code, frozenset()) for q in step.questions}
        index = wizard.index(step)
        self.helper = _step_helper(
            step,
            action=step_url(wizard, step, {}),
            first=index == 0,
            last=index == len(wizard.steps) - 1,
        )

    @property
    def missing(self) -> list[str]:
        """The questions left without an answer after Next, in the step's order."""
        return [code for code in self.fields if code in self.errors] if self.is_bound else []


def _step_helper(step: Step, *, action: str, first: bool, last: bool) -> FormHelper:
    helper = FormHelper()
    helper.form_method = "get"
    helper.form_action = action
    # The form holds the progress bar too: a step chosen there takes the answers as they are now,
    # saved or not, with or without JavaScript.
    helper.attrs = {
        "hx-get": action,
        "hx-target": "#wizard",
        "hx-swap": "outerHTML",
        "hx-push-url": "true",
        "novalidate": True,
    }
    # "Next" comes first so that Enter in the form goes forward; CSS puts "Back" on the left.
    buttons = [
        StrictButton(
            _("See the verdict") if last else _("Next"),
            type="submit",
            css_class="btn-primary",
            name="go",
            value="next",
        )
    ]
    if not first:
        buttons.append(
            StrictButton(
                _("Back"), type="submit", css_class="btn-outline-secondary", name="go", value="back"
            )
        )
    helper.layout = Layout(
        Partial("advisor/wizard.html#step_top"),
        *(Field(q.code, template="advisor/wizard.html#question") for q in step.questions),
        Div(*buttons, css_class="wizard-nav"),
    )
    return helper


class WhatIfForm(forms.Form):
    """Every question on the verdict page, to try other answers: a list for a one-answer question
    (with "not answered"), check boxes for a many-answer one, grouped under their steps' titles.

    Each question's control is rendered on its own by `whatif_control()`, so that it can be kept
    per question and selection."""

    helper: FormHelper

    def __init__(self, questions: Iterable[Question], answers: Answers) -> None:
        questions = list(questions)
        super().__init__(initial=_initial(questions, answers), auto_id="whatif-%s")
        for question in questions:
            self.fields[question.code] = _choice_field(
                question, answers.get(question.code, ()), blank=str(_("— not answered —"))
            )
        self.selected = {q.code: answers.get(q.code, frozenset()) for q in questions}

    def control(self, question: Question, selected: frozenset[str]) -> str:
        """One question's control in the form (advisor/pieces.py keeps the form without them)."""
        return whatif_control(question, selected)

    @classmethod
    def for_wizard(cls, wizard: Wizard, answers: Answers) -> WhatIfForm:
        form = cls(wizard.questions.values(), answers)
        verdict_path = reverse("advisor:verdict")
        form.helper = helper = FormHelper()
        helper.form_method = "get"
        helper.form_action = verdict_path
        # autocomplete="off": after Back, the browser must not put the later answers into this
        # form, which would then disagree with the verdict beside it. The delay lets arrow keys
        # move through a list's options without a request for each; the address is replaced, not
        # pushed.
        helper.attrs = {
            "autocomplete": "off",
            "hx-get": verdict_path,
            "hx-target": "#verdict-result",
            "hx-swap": "outerHTML",
            "hx-trigger": "change delay:700ms, submit",
            "hx-replace-url": "true",
        }
        helper.layout = Layout(
            *(
                item
                for step in wizard.steps
                for item in (
                    StepTitle(step),
                    *(WhatIfControl(q.code) for q in step.questions),
                )
            ),
            StrictButton(_("Update the verdict"), type="submit", css_class="btn-primary"),
        )
        return form


class StepTitle(LayoutObject):
    def __init__(self, step: Step) -> None:
        self.step = step

    def render(self, form: forms.BaseForm, context: Any, **kwargs: Any) -> str:
        return get_template("advisor/verdict.html#whatif_step").render({"step": self.step})


class WhatIfControl(LayoutObject):
    def __init__(self, code: str) -> None:
        self.code = code

    def render(self, form: forms.BaseForm, context: Any, **kwargs: Any) -> str:
        assert isinstance(form, WhatIfForm)
        field = form.fields[self.code]
        return form.control(field.question, form.selected[self.code])  # type: ignore[attr-defined]


def whatif_control(question: Question, selected: frozenset[str]) -> str:
    """The what-if control of one question with these options chosen; depends on nothing else
    (the content version and the active language aside)."""
    form = WhatIfForm([question], {question.code: selected})
    return get_template("advisor/verdict.html#whatif").render({"field": form[question.code]})


class DetectForm(forms.Form):
    """Pasted `lscpu`, `/proc/cpuinfo` and/or `/etc/os-release` output, read by detect.py."""

    text = forms.CharField(
        label=_("Output of lscpu, /proc/cpuinfo or /etc/os-release"),
        help_text=_("Paste one or more of them; up to 64 KB. Nothing you paste is stored."),
        strip=False,
        widget=forms.Textarea(attrs={"rows": 6, "spellcheck": "false", "autocomplete": "off"}),
        error_messages={"required": _("Paste the output of one of the commands first.")},
    )

    def __init__(self, *args: Any, action: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_method = "post"
        self.helper.form_action = action
        self.helper.layout = Layout(
            Field("text", template="advisor/wizard.html#detect_text"),
            StrictButton(_("Read my hardware"), type="submit", css_class="btn-outline-primary"),
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
