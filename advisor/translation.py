"""Which advisor fields editors translate; modeltranslation adds one column per language to each."""

from modeltranslation.translator import TranslationOptions, register

from .models import Option, Question, Rule, Step


@register(Step)
class StepTranslation(TranslationOptions):
    fields = ("title",)


@register(Question)
class QuestionTranslation(TranslationOptions):
    fields = ("text", "help_text")


@register(Option)
class OptionTranslation(TranslationOptions):
    fields = ("label",)


@register(Rule)
class RuleTranslation(TranslationOptions):
    fields = ("reason", "today_reason", "note", "note_reference")
