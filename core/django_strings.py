"""Strings of Django 6.1's own that its Russian and Spanish catalogues lack.

Editors see them in admin (the blank choice of every select, the actions' "Run" button, the
delete page's warnings, search and pagination labels). They are listed here only so that
`makemessages` keeps them in the project's catalogues, which Django reads before its own; the
calls are never used at run time.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

DJANGO_STRINGS = (
    gettext_noop("- Select an option -"),
    gettext_noop("Run"),
    gettext_noop(", "),
    gettext_noop('The app "%s" could not be found.'),
    gettext_noop("Filter by %(field_name)s"),
    gettext_noop(
        "Deleting the %(object_name)s “%(escaped_object)s” would require deleting the following "
        "protected related objects:"
    ),
    gettext_noop(
        "Are you sure you want to delete the %(object_name)s “%(escaped_object)s”? All of the "
        "following related items will be deleted:"
    ),
    gettext_noop("Pagination %(name)s entries"),
    gettext_noop("Pagination %(name)s"),
    gettext_noop("Search %(name)s"),
    gettext_noop("Logout"),
    gettext_noop("“%(value)s” is not a valid binary value."),
    gettext_noop("No %s matches the given query."),
)
MORE_OBJECTS = ngettext_lazy("…and %(count)d more object.", "…and %(count)d more objects.", "count")
