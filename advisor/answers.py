"""The wizard's questions as plain data, and the answers that travel in query strings. Pure Python.

The answers live in the URL (`?cpu_arch=x86_64&guest_os=linux&guest_os=windows`, a key repeated for
a question that takes several options), so reload, back/forward and two tabs need no server state.
Every page and the API read a query through one gate, `advisor.query.parse()`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal
from urllib.parse import urlencode

from core.texts import Text

from .engine import Answers


@dataclass(frozen=True)
class Option:
    code: str
    label: Text
    retired: bool = False  # still answers old links, no longer offered


@dataclass(frozen=True)
class Question:
    code: str
    kind: Literal["one", "many"]
    text: Text
    help: Text
    options: tuple[Option, ...]

    @property
    def many(self) -> bool:
        return self.kind == "many"

    @cached_property
    def codes(self) -> tuple[str, ...]:
        return tuple(option.code for option in self.options)

    @cached_property
    def choices(self) -> frozenset[str]:
        return frozenset(self.codes)

    def offered(self, selected: Iterable[str] = ()) -> tuple[Option, ...]:
        """The options a form shows: the current ones, and a retired one only when it is chosen."""
        chosen = set(selected)
        return tuple(o for o in self.options if not o.retired or o.code in chosen)

    def labels(self, codes: Iterable[str]) -> list[Text]:
        return [option.label for option in self.options if option.code in set(codes)]


@dataclass(frozen=True)
class Step:
    code: str
    title: Text
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Wizard:
    steps: tuple[Step, ...]

    @cached_property
    def questions(self) -> dict[str, Question]:
        return {q.code: q for step in self.steps for q in step.questions}

    @cached_property
    def options(self) -> dict[str, tuple[str, ...]]:
        return {code: question.codes for code, question in self.questions.items()}

    @cached_property
    def encoded(self) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
        """Each question's options and their `question=option` in a query string, in order."""
        return tuple(
            (code, tuple((option, urlencode([(code, option)])) for option in options))
            for code, options in self.options.items()
        )

    def step(self, code: str | None) -> Step | None:
        if code is None:
            return self.steps[0] if self.steps else None
        return next((step for step in self.steps if step.code == code), None)

    def index(self, step: Step) -> int:
        return self.steps.index(step)

    def neighbour(self, step: Step, go: Literal["next", "back"]) -> Step | None:
        """The step before or after this one; None after the last step (the verdict)."""
        index = self.index(step) + (1 if go == "next" else -1)
        return self.steps[max(index, 0)] if index < len(self.steps) else None


@dataclass(frozen=True)
class Parsed:
    answers: dict[str, frozenset[str]] = field(default_factory=dict)  # the valid ones
    errors: dict[str, str] = field(default_factory=dict)


def pairs(answers: Answers, wizard: Wizard, *, skip: Step | None = None) -> list[tuple[str, str]]:
    """The answers as (question, option) pairs in the wizard's order, optionally without a step's."""
    skipped = {q.code for q in skip.questions} if skip else set()
    return [
        (question.code, option)
        for question in wizard.questions.values()
        if question.code not in skipped
        for option in question.codes
        if option in answers.get(question.code, ())
    ]


def to_query(answers: Answers, wizard: Wizard) -> str:
    """The canonical query string for these answers: same answers, same string.

    `urlencode(pairs(answers, wizard))`, from each answer's text made once per wizard.
    """
    return "&".join(
        text
        for code, options in wizard.encoded
        if (selected := answers.get(code))
        for option, text in options
        if option in selected
    )
