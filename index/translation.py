from modeltranslation.translator import TranslationOptions, register

from .models import Choice, IndexArea, IndexEdition, IndexGroup, Question


@register(IndexEdition)
class IndexEditionTranslation(TranslationOptions):
    fields = ("title",)


@register(IndexGroup)
class IndexGroupTranslation(TranslationOptions):
    fields = ("title",)


@register(IndexArea)
class IndexAreaTranslation(TranslationOptions):
    fields = ("title",)


@register(Question)
class QuestionTranslation(TranslationOptions):
    fields = ("text", "example")


@register(Choice)
class ChoiceTranslation(TranslationOptions):
    fields = ("label",)
