"""Factories shared by every app's tests: people and cities."""

import factory
from factory.django import DjangoModelFactory

from accounts.models import User
from cities.models import City, Country, Membership, NationalNetwork

PASSWORD = "correct-horse-battery"


class CountryFactory(DjangoModelFactory):
    class Meta:
        model = Country
        django_get_or_create = ["code"]

    code = factory.Iterator(["NO", "PT", "ES", "IT", "CH", "SE"])
    name = factory.LazyAttribute(
        lambda c: {
            "NO": "Norway",
            "PT": "Portugal",
            "ES": "Spain",
            "IT": "Italy",
            "CH": "Switzerland",
            "SE": "Sweden",
        }.get(c.code, c.code)
    )


class NationalNetworkFactory(DjangoModelFactory):
    class Meta:
        model = NationalNetwork
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"National network {n}")
    slug = factory.Sequence(lambda n: f"network-{n}")
    country = factory.SubFactory(CountryFactory)


class CityFactory(DjangoModelFactory):
    class Meta:
        model = City
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"City {n}")
    slug = factory.Sequence(lambda n: f"city-{n}")
    country = factory.SubFactory(CountryFactory)
    population = 150_000
    foreign_born_share = 12
    joined_year = 2015
    status = "member"
    description = "An intercultural city."


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["email"]
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = "Alex"
    last_name = factory.Sequence(lambda n: f"Person{n}")

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or PASSWORD)
        if create:
            self.save()


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    city = factory.SubFactory(CityFactory)
    role = Membership.Role.COORDINATOR


def coordinator_of(city: City, email: str, role: str = Membership.Role.COORDINATOR) -> User:
    user = UserFactory(email=email)
    MembershipFactory(user=user, city=city, role=role)
    return user
