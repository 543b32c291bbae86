"""Site-wide template context: the language switcher's links and the hreflang alternates."""

from functools import lru_cache

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest
from django.urls import Resolver404, resolve, translate_url
from django.utils.text import capfirst
from django.utils.translation import get_language, get_language_info


def languages(request: HttpRequest) -> dict[str, object]:
    """The current page in every language, keeping the query string (and so the wizard's answers).

    Runs on error pages too, so it never raises: on a page that does not exist the links go to
    each language's home page, with no hreflang or canonical address (`absolute_url` empty), and
    under a Host the site does not serve nothing absolute is built at all. An address is always
    made from the path alone, so `//other.site/x` stays a path on this site.
    """
    query = request.META.get("QUERY_STRING", "")
    suffix = f"?{query}" if query else ""
    return {"alternates": alternates(request.path_info, request.path, origin(request), suffix)}


def origin(request: HttpRequest) -> str:
    """Scheme and host of the request, or "" under a Host the site does not serve."""
    try:
        return f"{request.scheme}://{request.get_host()}"
    except DisallowedHost:
        return ""


def alternates(path_info: str, path: str, origin: str, suffix: str) -> list[dict[str, object]]:
    """The links to `path` in each language, each followed by `suffix` (the query string)."""
    current = get_language()
    translated = _translations(current, path_info, "/" + path.lstrip("/"))
    return [
        {
            "code": code,
            "name": name,
            "url": url + suffix if translated else url,
            "absolute_url": origin + url + suffix if translated and origin else "",
            "current": code == current,
        }
        for (code, name), url in zip(_names(), translated or _homes(), strict=True)
    ]


@lru_cache(maxsize=1024)
def _translations(language: str, path_info: str, path: str) -> tuple[str, ...]:
    """`path` in each language, or () when no page has that path (which page a path is depends on
    the language in use). Kept: a site has few paths, and the least used are forgotten first."""
    try:
        resolve(path_info)
    except Resolver404:
        return ()
    return tuple(translate_url(path, code) for code, _name in settings.LANGUAGES)


@lru_cache(maxsize=1)
def _names() -> tuple[tuple[str, str], ...]:
    # Django names some languages in lower case ("español"): a list of names reads evenly
    # capitalised, as each name does when it stands alone.
    return tuple(
        (code, capfirst(get_language_info(code)["name_local"]))
        for code, _name in settings.LANGUAGES
    )


def _homes() -> tuple[str, ...]:
    return tuple(f"/{code}/" for code, _name in settings.LANGUAGES)
