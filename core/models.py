"""What the admin remembers about the content beyond the content itself."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class TranslationMark(models.Model):
    """The English a translation was made from: a row's ru or es is stale once its English differs.

    Kept per row and language as fingerprints (core/translation_status.py), updated whenever that
    language's text is saved. A row without a mark has not been edited since it was seeded.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=40)
    language = models.CharField(max_length=8)
    text_fingerprint = models.CharField(max_length=16)
    english_fingerprint = models.CharField(max_length=16)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "language"], name="one_mark_per_translation"
            )
        ]
        verbose_name = _("translation mark")
        verbose_name_plural = _("translation marks")

    def __str__(self) -> str:
        return f"{self.content_type.model} {self.object_id} [{self.language}]"
