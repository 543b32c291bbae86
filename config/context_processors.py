"""Site-wide template context: the language switcher's links and the hreflang alternates."""

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.text import capfirst
from django.utils.translation import get_language, get_language_info


def languages(request: HttpRequest) -> dict[str, object]:
    """The current page in every language, keeping the query string (and so the wizard's answers)."""
    current = get_language()
    path = request.get_full_path()
    alternates = []
    for code, _name in settings.LANGUAGES:
        url = translate_url(path, code)
        alternates.append(
            {
                "code": code,
                # Django names some languages in lower case ("español"): a list of names reads evenly
                # capitalised, as each name does when it stands alone.
                "name": capfirst(get_language_info(code)["name_local"]),
                "url": url,
                "absolute_url": request.build_absolute_uri(url),
                "current": code == current,
            }
        )
    return {"alternates": alternates}
