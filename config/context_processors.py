"""Site-wide template context: the language switcher's links and the hreflang alternates."""

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
    current = get_language()
    path = "/" + request.path.lstrip("/")
    try:
        resolve(request.path_info)
        exists = True
    except Resolver404:
        exists = False
    try:
        origin = f"{request.scheme}://{request.get_host()}"
    except DisallowedHost:
        origin = ""
    query = request.META.get("QUERY_STRING", "")
    alternates = []
    for code, _name in settings.LANGUAGES:
        url = f"/{code}/"
        if exists:
            url = translate_url(path, code) + (f"?{query}" if query else "")
        alternates.append(
            {
                "code": code,
                # Django names some languages in lower case ("español"): a list of names reads evenly
                # capitalised, as each name does when it stands alone.
                "name": capfirst(get_language_info(code)["name_local"]),
                "url": url,
                "absolute_url": origin + url if exists and origin else "",
                "current": code == current,
            }
        )
    return {"alternates": alternates}
