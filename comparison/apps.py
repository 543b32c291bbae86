from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComparisonConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "comparison"
    verbose_name = _("Comparison")
