"""The one gate every query string passes, for the pages and the API: `parse()` over `AnswersForm`.

The answers travel in query strings (see answers.py); a key names a question, its values the
options chosen (a key repeated for a question that takes several).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import parse_qsl

from django import forms
from django.conf import settings
from django.http import HttpRequest
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext_lazy as _

from .answers import Parsed, Question, Wizard

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
        self.fields.update(_fields(wizard))
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


# The fields of the last few wizards (one per content version and language), made once: a field
# keeps nothing of the request it cleans, so every form of the same wizard can share them.
_made: list[tuple[Wizard, dict[str, AnswerField]]] = []


def _fields(wizard: Wizard) -> dict[str, AnswerField]:
    for known, fields in _made:
        if known is wizard:
            return fields
    fields = {code: AnswerField(question) for code, question in wizard.questions.items()}
    _made[:] = [(wizard, fields), *_made[:5]]
    return fields


def _shown(text: str) -> str:
    return text if len(text) <= MAX_LENGTH else text[:MAX_LENGTH] + "…"


def _ignored(key: str, reserved: frozenset[str]) -> bool:
    return key in reserved or key in TRACKING_KEYS or key.startswith("utm_")


def parse(
    query: Mapping[str, Any], wizard: Wizard, *, reserved: frozenset[str] = frozenset()
) -> Parsed:
    """Answers from a query (a QueryDict, or a mapping of keys to lists), and what is wrong with it."""
    answers = _plain(query.lists(), wizard, reserved) if isinstance(query, MultiValueDict) else None
    if answers is not None:
        return Parsed(answers)
    form = AnswersForm(query, wizard, reserved=reserved)
    return Parsed(form.answers, form.problems())


def parse_get(
    request: HttpRequest, wizard: Wizard, *, reserved: frozenset[str] = frozenset()
) -> Parsed:
    """`parse(request.GET, …)`, reading a plain query string without building the QueryDict.

    The query string is split as QueryDict splits it (`parse_qsl`, blank values kept, at most
    DATA_UPLOAD_MAX_NUMBER_FIELDS fields); anything but ASCII, too many fields or a query the form
    must judge goes the usual way.
    """
    query = request.META.get("QUERY_STRING", "")
    if query.isascii():
        try:
            pairs = parse_qsl(
                query, keep_blank_values=True, max_num_fields=settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
            )
        except ValueError:  # too many fields: QueryDict refuses them with a 400
            pairs = None
        if pairs is not None:
            lists: dict[str, list[str]] = {}
            for key, value in pairs:
                lists.setdefault(key, []).append(value)
            answers = _plain(lists.items(), wizard, reserved)
            if answers is not None:
                return Parsed(answers)
    return parse(request.GET, wizard, reserved=reserved)


def _plain(
    query: Iterable[tuple[str, list[str]]], wizard: Wizard, reserved: frozenset[str]
) -> dict[str, frozenset[str]] | None:
    """The answers of a query that AnswersForm would take without an error, or None for any other.

    Most queries are links the site made: each key a question, each value one of its options.
    Those are read here without building a form (a verdict no one asked for before spends a
    tenth of its time in one); anything else goes to the form, which alone says what is wrong.
    tests/test_query.py checks that both read every query alike.
    """
    answers = {}
    for key, values in query:
        if _ignored(key, reserved):
            continue
        question = wizard.questions.get(key)
        given = [value for value in values if value != ""]
        chosen = frozenset(given)
        if question is None or (len(given) > 1 and not question.many):
            return None
        if not chosen <= question.choices:
            return None
        if chosen:
            answers[key] = chosen
    return answers
