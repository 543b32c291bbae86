from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdvisorConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "advisor"
    verbose_name = _("Advisor")

    def ready(self) -> None:
        # The delete guard for what rules use (a signal receiver), whatever code deletes it.
        from . import protection  # noqa: F401
