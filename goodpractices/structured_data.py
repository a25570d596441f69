"""schema.org structured data (JSON-LD) for a practice's page, so that search engines understand it."""

import json

from django.utils.safestring import mark_safe

# As Django's json_script: these characters cannot close the <script> element or start markup inside it.
_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def practice_json_ld(practice, request) -> str:
    city = practice.city
    data = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "name": practice.title,
        "headline": practice.title[:110],
        "description": practice.main_purpose[:500],
        "url": request.build_absolute_uri(practice.get_absolute_url()),
        "inLanguage": practice.language,
        "datePublished": practice.published_at.date().isoformat() if practice.published_at else None,
        "dateModified": practice.updated_at.date().isoformat() if practice.updated_at else None,
        "about": str(practice.main_field.name) if practice.main_field else None,
        "spatialCoverage": {
            "@type": "City",
            "name": city.name,
            "containedInPlace": {"@type": "Country", "name": city.country.name, "identifier": city.country.code},
        },
        "publisher": {"@type": "Organization", "name": "Council of Europe – Intercultural Cities"},
        "isAccessibleForFree": True,
    }
    data = {key: value for key, value in data.items() if value not in (None, "")}
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_ESCAPES))
