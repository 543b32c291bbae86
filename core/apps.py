from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What the comparison and the advisor share: the htmx request type and the fragment rule, the
    side-by-side translation admin, the `content` template tags, the Editors group, `seed`, and
    the content's translation status."""

    name = "core"

    def ready(self) -> None:
        from . import translation_status

        translation_status.connect()
