from modeltranslation.translator import TranslationOptions, register

from .models import FieldOfAction


@register(FieldOfAction)
class FieldOfActionTranslation(TranslationOptions):
    fields = ("name", "description")
