from django import template
from django.urls import translate_url

register = template.Library()


@register.simple_tag(takes_context=True)
def translated_path(context, language: str) -> str:
    """This page's address in `language`, query string kept. The language switch is a plain link: a form would need
    a CSRF token, which would make every public page personal and uncacheable (core.pagecache)."""
    return translate_url(context["request"].get_full_path(), language)
