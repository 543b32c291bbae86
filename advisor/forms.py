"""The advisor's forms: the gate every query string passes, one form per wizard step, the what-if
form and the paste box.

The answers travel in query strings (see answers.py). `parse()` is the one gate for the pages and
the API; the step and what-if forms are built from the wizard's dataclasses and rendered by
crispy-forms through their `FormHelper`s. Their field templates are partials of the page templates,
so the markup (fieldsets with legends, the "in English" mark, errors tied to their question with
`aria-describedby`) stays that of the pages.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
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

from .answers import Parsed, Question, Step, Wizard
from .detect import MAX_BYTES, Detection, detect
from .engine import Answers
from .pages import step_url

MAX_LENGTH = 64  # codes are short slugs; anything longer is not an answer
TRACKING_KEYS = frozenset({"fbclid", "gclid", "msclkid"})


class AnswerField(forms.MultipleChoiceField):
    """Every value a query string gives one question; empty values are no answer."""

    widget = forms.MultipleHiddenInput
    default_error_messages = {
        "too_long": _("An answer to “%(question)s” is too long to be one of its options."),
        "several": _("“%(question)s” takes one answer, but %(count)d were given."),
        "invalid_choice": _(
            "“%(value)s” is not an answer to “%(question)s”; the answers are: %(codes)s."
        ),
    }

    def __init__(self, question: Question) -> None:
        super().__init__(choices=[(code, code) for code in question.codes], required=False)
        self.question = question

    def to_python(self, value: Any) -> list[str]:
        return [item for item in super().to_python(value) if item != ""]

    def validate(self, value: list[str]) -> None:
        question = self.question.code
        if any(len(item) > MAX_LENGTH for item in value):
            raise forms.ValidationError(
                self.error_messages["too_long"], "too_long", {"question": question}
            )
        if not self.question.many and len(value) > 1:
            raise forms.ValidationError(
                self.error_messages["several"],
                "several",
                {"question": question, "count": len(value)},
            )
        unknown = [item for item in value if item not in self.question.codes]
        if unknown:
            codes = ", ".join(self.question.codes)
            raise forms.ValidationError(
                self.error_messages["invalid_choice"],
                "invalid_choice",
                {"value": unknown[0], "question": question, "codes": codes},
            )


class AnswersForm(forms.Form):
    """A query string read as answers: a field per question of the wizard.

    - a known question with a known option is an answer; an empty value counts as unanswered;
    - an unknown key, an unknown option, several values for a one-answer question or an over-long
      key or value is an error, listed under its key (the pages and the API answer 400 with them);
    - `reserved` keys (the wizard's own `go`, the API's `lang`) and the tracking keys that other
      sites append to shared links (`utm_*`, `fbclid`, `gclid`, `msclkid`) are ignored;
    - a retired option still answers (old links keep working); the engine warns about it.
    """

    def __init__(
        self,
        query: Mapping[str, Any],
        wizard: Wizard,
        *,
        reserved: frozenset[str] = frozenset(),
    ) -> None:
        data = query if isinstance(query, MultiValueDict) else MultiValueDict(dict(query))
        super().__init__(data)
        self.fields.update({code: AnswerField(q) for code, q in wizard.questions.items()})
        self.keys = [key for key in data if not _ignored(key, reserved)]

    @property
    def answers(self) -> dict[str, frozenset[str]]:
        """The valid answers, even when other keys are wrong (the error page keeps them)."""
        self.full_clean()
        return {
            key: frozenset(self.cleaned_data[key])
            for key in self.keys
            if self.cleaned_data.get(key)
        }

    def problems(self) -> dict[str, str]:
        """What is wrong, one message per key, in the order of the query."""
        found = {}
        for key in self.keys:
            if key not in self.fields:
                found[_shown(key)] = _("“%(key)s” is not a question of the advisor.") % {
                    "key": _shown(key)
                }
            elif key in self.errors:
                found[key] = str(self.errors[key][0])
        return found


def _shown(text: str) -> str:
    return text if len(text) <= MAX_LENGTH else text[:MAX_LENGTH] + "…"


def _ignored(key: str, reserved: frozenset[str]) -> bool:
    return key in reserved or key in TRACKING_KEYS or key.startswith("utm_")


def parse(
    query: Mapping[str, Any], wizard: Wizard, *, reserved: frozenset[str] = frozenset()
) -> Parsed:
    """Answers from a query (a QueryDict, or a mapping of keys to lists), and what is wrong with it."""
    form = AnswersForm(query, wizard, reserved=reserved)
    return Parsed(form.answers, form.problems())


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
    helper: FormHelper
    """Every question on the verdict page, to try other answers: a list for a one-answer question
    (with "not answered"), check boxes for a many-answer one, grouped under their steps' titles.

    Each question's control is rendered on its own by `whatif_control()`, so that it can be kept
    per question and selection."""

    def __init__(self, questions: Iterable[Question], answers: Answers) -> None:
        questions = list(questions)
        super().__init__(initial=_initial(questions, answers), auto_id="whatif-%s")
        for question in questions:
            self.fields[question.code] = _choice_field(
                question, answers.get(question.code, ()), blank=str(_("— not answered —"))
            )
        self.selected = {q.code: answers.get(q.code, frozenset()) for q in questions}

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
        return whatif_control(field.question, form.selected[self.code])  # type: ignore[attr-defined]


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
