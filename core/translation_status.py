"""Each content row's translation status: per language missing, stale (the English changed since the
translation was last saved) or up to date, for the admin's lists and their filter.

A save remembers, per translated language, a fingerprint of that language's texts and of the English
ones at that moment (`TranslationMark`). Saves that load data (fixtures, a revert from the history)
are not edits and leave the marks alone.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from django.db.models.signals import post_save, pre_save
from modeltranslation.settings import AVAILABLE_LANGUAGES, DEFAULT_LANGUAGE
from modeltranslation.translator import translator

from .models import TranslationMark

TRANSLATED = tuple(language for language in AVAILABLE_LANGUAGES if language != DEFAULT_LANGUAGE)
MISSING, STALE, CURRENT = "missing", "stale", "current"


def _fields(model: type[Model]) -> list[str]:
    return sorted(translator.get_options_for_model(model).all_fields)


def _tracked(model: Any) -> bool:
    return (
        isinstance(model, type)
        and model.__module__ != "__fake__"  # a migration's historical model
        and model._meta.app_label in settings.CONTENT_APPS  # type: ignore[attr-defined]
        and model in translator.get_registered_models()
    )


def fingerprint(obj: Model, language: str) -> str:
    texts = [getattr(obj, f"{field}_{language}", None) or "" for field in _fields(type(obj))]
    return hashlib.sha256(json.dumps(texts).encode()).hexdigest()[:16]


def statuses(obj: Model, marks: dict[str, TranslationMark]) -> dict[str, str]:
    """`{"ru": "missing" | "stale" | "current", ...}`; `marks` are this row's, by language."""
    english = fingerprint(obj, DEFAULT_LANGUAGE)
    result = {}
    for language in TRANSLATED:
        missing = any(
            (getattr(obj, f"{field}_{DEFAULT_LANGUAGE}", None) or "")
            and not (getattr(obj, f"{field}_{language}", None) or "")
            for field in _fields(type(obj))
        )
        mark = marks.get(language)
        if missing:
            result[language] = MISSING
        elif mark is not None and mark.english_fingerprint != english:
            result[language] = STALE
        else:
            result[language] = CURRENT
    return result


def marks_for(model: type[Model], object_ids: list[Any] | None = None) -> dict[str, dict]:
    """Every mark of the model's rows (or of those given), by object id and language: one query."""
    rows = TranslationMark.objects.filter(content_type=ContentType.objects.get_for_model(model))
    if object_ids is not None:
        rows = rows.filter(object_id__in=[str(pk) for pk in object_ids])
    marks: dict[str, dict] = {}
    for mark in rows:
        marks.setdefault(mark.object_id, {})[mark.language] = mark
    return marks


def _before_save(sender: Any, instance: Model, raw: bool = False, **kwargs: Any) -> None:
    if raw or not _tracked(sender) or instance.pk is None:
        return
    stored = sender._default_manager.filter(pk=instance.pk).first()
    if stored is not None:
        instance._translation_before = {  # type: ignore[attr-defined]
            language: fingerprint(stored, language) for language in AVAILABLE_LANGUAGES
        }


def _after_save(sender: Any, instance: Model, raw: bool = False, **kwargs: Any) -> None:
    if raw or not _tracked(sender):
        return
    before: dict[str, str] = getattr(instance, "_translation_before", {})
    content_type = ContentType.objects.get_for_model(sender)
    english = fingerprint(instance, DEFAULT_LANGUAGE)
    for language in TRANSLATED:
        text = fingerprint(instance, language)
        mark = TranslationMark.objects.filter(
            content_type=content_type, object_id=str(instance.pk), language=language
        ).first()
        if mark is None and before:
            # First edit since the seed: the translation was made from the English stored before.
            mark = TranslationMark(
                content_type=content_type,
                object_id=str(instance.pk),
                language=language,
                text_fingerprint=before[language],
                english_fingerprint=before[DEFAULT_LANGUAGE],
            )
        if mark is None or mark.text_fingerprint != text:
            TranslationMark.objects.update_or_create(
                content_type=content_type,
                object_id=str(instance.pk),
                language=language,
                defaults={"text_fingerprint": text, "english_fingerprint": english},
            )
        elif mark.pk is None:
            mark.save()


def connect() -> None:
    pre_save.connect(_before_save, dispatch_uid="translation-status-before")
    post_save.connect(_after_save, dispatch_uid="translation-status-after")
