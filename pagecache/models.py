from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentVersion(models.Model):
    """One row, changed in the same transaction as every change to the site's content.

    Pages, API answers and the engine's rules are cached under `stamp`: a new random value on each
    change, so no two contents ever share a key — not across a rolled-back transaction, nor after a
    database is restored from a backup while the cache still holds later pages.
    """

    number = models.PositiveBigIntegerField(
        _("number"), default=1, help_text=_("How many times the content has changed.")
    )
    stamp = models.CharField(_("stamp"), max_length=32)
    changed = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("content version")
        verbose_name_plural = _("content versions")

    def __str__(self) -> str:
        return f"{self.number} ({self.stamp[:8]})"
