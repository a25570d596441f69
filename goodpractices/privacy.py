"""Who sees the personal data of a practice.

The contact person's e-mail is for the practice's city team and the secretariat, who follow the practice up;
the public page, the API and the open-data exports leave it out for everyone else (the exports leave out the
contact person's name too: they are bulk data meant to be harvested).
"""

from cities import rules

from .models import GoodPractice


def may_see_contact_email(user, practice: GoodPractice) -> bool:
    """The practice's city members (coordinators and colleagues) and the secretariat."""
    return rules.is_secretariat(user) or practice.city_id in rules.member_city_ids(user)
