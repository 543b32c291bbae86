"""The wizard's answers as last sent, kept in a cookie only to refill a step after Back and Reload.

Without JavaScript, Back returns to the address a step had when it was first shown, before it was
answered: the browser still shows the ticked boxes, but a reload loses them. The address stays what
decides every page. The cookie only fills the shown step's questions that its address leaves
unanswered, and only when it agrees with every answer the address has (so a shared link is shown
as it was shared). It lasts as long as the browser session; "Start over" removes it.
"""

from __future__ import annotations

from urllib.parse import parse_qs, quote, unquote

from django.http import HttpRequest, HttpResponse

from .answers import Step, Wizard, to_query
from .engine import Answers
from .query import parse

COOKIE = "advisor_answers"


def remember(
    request: HttpRequest, response: HttpResponse, wizard: Wizard, answers: Answers
) -> None:
    response.set_cookie(
        COOKIE,
        quote(to_query(answers, wizard)),
        samesite="Lax",
        httponly=True,
        secure=request.is_secure(),
    )


def forget(response: HttpResponse) -> None:
    response.delete_cookie(COOKIE, samesite="Lax")


def fill(request: HttpRequest, wizard: Wizard, step: Step, answers: Answers) -> Answers:
    """The address's answers, plus this step's own answers from the cookie where it agrees."""
    saved = parse(parse_qs(unquote(request.COOKIES.get(COOKIE, ""))), wizard).answers
    if any(saved.get(question) != chosen for question, chosen in answers.items()):
        return answers
    own = {
        q.code: saved[q.code] for q in step.questions if q.code in saved and not answers.get(q.code)
    }
    return {**answers, **own}
