"""Which fields editors translate; modeltranslation adds one column per language to each."""

from modeltranslation.translator import TranslationOptions, register

from .models import Criterion, Quote, Source, Topic


@register(Source)
class SourceTranslation(TranslationOptions):
    fields = ("title", "written", "summary")


@register(Quote)
class QuoteTranslation(TranslationOptions):
    fields = ("translation",)


@register(Topic)
class TopicTranslation(TranslationOptions):
    fields = ("title",)


@register(Criterion)
class CriterionTranslation(TranslationOptions):
    fields = ("title", "xen", "kvm", "disagreement", "note", "note_reference")
