from modeltranslation.translator import TranslationOptions, register

from .models import City, Country, NationalNetwork


@register(Country)
class CountryTranslation(TranslationOptions):
    fields = ("name",)


@register(NationalNetwork)
class NationalNetworkTranslation(TranslationOptions):
    fields = ("name",)


@register(City)
class CityTranslation(TranslationOptions):
    fields = ("description",)
