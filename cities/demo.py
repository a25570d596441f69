"""Demo data: real member cities of the network, with plausible figures, and the demo accounts."""

from decimal import Decimal

from accounts.models import User

from .choices import CityStatus
from .models import City, Country, Membership, NationalNetwork

COUNTRIES = {
    "NO": ("Norway", "Norvège"),
    "PT": ("Portugal", "Portugal"),
    "HR": ("Croatia", "Croatie"),
    "CH": ("Switzerland", "Suisse"),
    "SE": ("Sweden", "Suède"),
    "ES": ("Spain", "Espagne"),
    "GB": ("United Kingdom", "Royaume-Uni"),
    "CY": ("Cyprus", "Chypre"),
    "IL": ("Israel", "Israël"),
    "CA": ("Canada", "Canada"),
    "JP": ("Japan", "Japon"),
    "AU": ("Australia", "Australie"),
    "BE": ("Belgium", "Belgique"),
    "IT": ("Italy", "Italie"),
    "GR": ("Greece", "Grèce"),
    "MA": ("Morocco", "Maroc"),
    "UA": ("Ukraine", "Ukraine"),
    "DE": ("Germany", "Allemagne"),
    "IE": ("Ireland", "Irlande"),
    "PL": ("Poland", "Pologne"),
    "FO": ("Faroe Islands", "Îles Féroé"),
}

NETWORKS = [
    # slug, English name, French name, country
    ("italy", "Italian network of intercultural cities", "Réseau italien des cités interculturelles", "IT"),
    ("morocco", "Moroccan network of intercultural cities", "Réseau marocain des cités interculturelles", "MA"),
    ("norway", "Norwegian network of intercultural cities", "Réseau norvégien des cités interculturelles", "NO"),
    ("portugal", "Portuguese network of intercultural cities", "Réseau portugais des cités interculturelles", "PT"),
    (
        "spain",
        "Spanish network of intercultural cities (RECI)",
        "Réseau espagnol des cités interculturelles (RECI)",
        "ES",
    ),
    ("ukraine", "Ukrainian network of intercultural cities", "Réseau ukrainien des cités interculturelles", "UA"),
]

# slug, name, country, population, foreign-born %, joined, network, lat, lon, status
CITIES = [
    ("bergen", "Bergen", "NO", 285_900, "13.2", 2014, "norway", "60.39299", "5.32415", "member"),
    ("oslo", "Oslo", "NO", 709_000, "27.1", 2008, "norway", "59.91387", "10.75225", "member"),
    ("lisbon", "Lisbon", "PT", 545_000, "12.4", 2008, "portugal", "38.72225", "-9.13933", "member"),
    ("cascais", "Cascais", "PT", 214_000, "15.6", 2015, "portugal", "38.69790", "-9.42146", "member"),
    ("rijeka", "Rijeka", "HR", 108_600, "6.1", 2016, None, "45.32712", "14.44217", "member"),
    ("geneva", "Geneva", "CH", 203_900, "48.0", 2011, None, "46.20439", "6.14316", "member"),
    ("neuchatel", "Neuchâtel", "CH", 44_500, "24.5", 2009, None, "46.99000", "6.92927", "member"),
    ("botkyrka", "Botkyrka", "SE", 96_000, "41.3", 2008, None, "59.20000", "17.83333", "member"),
    ("fuenlabrada", "Fuenlabrada", "ES", 193_000, "11.8", 2009, "spain", "40.28419", "-3.79415", "member"),
    ("barcelona", "Barcelona", "ES", 1_636_000, "28.0", 2008, "spain", "41.38506", "2.17340", "member"),
    ("bilbao", "Bilbao", "ES", 345_800, "9.3", 2013, "spain", "43.26301", "-2.93499", "member"),
    ("zaragoza", "Zaragoza", "ES", 675_300, "14.6", 2018, "spain", "41.64882", "-0.88909", "member"),
    ("swansea", "Swansea", "GB", 246_500, "8.6", 2019, None, "51.62144", "-3.94364", "member"),
    ("limassol", "Limassol", "CY", 239_800, "24.0", 2013, None, "34.70713", "33.02261", "member"),
    ("haifa", "Haifa", "IL", 285_300, "35.2", 2018, None, "32.79405", "34.98957", "member"),
    ("montreal", "Montreal", "CA", 1_762_900, "33.4", 2011, None, "45.50169", "-73.56726", "member"),
    ("hamamatsu", "Hamamatsu", "JP", 790_700, "3.1", 2017, None, "34.71074", "137.72608", "member"),
    ("ballarat", "Ballarat", "AU", 113_800, "11.7", 2016, None, "-37.56216", "143.85025", "member"),
    ("mechelen", "Mechelen", "BE", 87_400, "22.9", 2016, None, "51.02574", "4.47762", "member"),
    ("klaksvik", "Klaksvík", "FO", 5_100, "4.2", 2019, None, "62.22659", "-6.58917", "candidate"),
    ("reggio-emilia", "Reggio Emilia", "IT", 171_900, "16.8", 2008, "italy", "44.69826", "10.63125", "member"),
    ("dublin", "Dublin", "IE", 592_700, "23.0", 2011, None, "53.34981", "-6.26031", "member"),
    ("melitopol", "Melitopol", "UA", 150_800, "6.5", 2008, "ukraine", "46.84891", "35.36533", "member"),
    ("lublin", "Lublin", "PL", 339_800, "5.0", 2010, None, "51.24645", "22.56844", "member"),
    ("patras", "Patras", "GR", 213_900, "7.5", 2009, None, "38.24664", "21.73457", "former"),
    ("tangier", "Tangier", "MA", 947_900, "5.2", 2021, "morocco", "35.75950", "-5.83395", "candidate"),
]

DESCRIPTIONS = {
    "bergen": (
        "Norway's second city, on the west coast, with residents from over 170 countries.",
        "Deuxième ville de Norvège, sur la côte ouest, avec des habitants de plus de 170 pays.",
    ),
    "lisbon": (
        "Portugal's capital, where a fifth of newcomers settle and the city runs local support centres for migrants.",
        "Capitale du Portugal, où s'installe un cinquième des nouveaux arrivants.",
    ),
}

DEMO_PASSWORDS = {"secretariat": "demo-secretariat", "coordinator": "demo-coordinator"}


def load() -> str:
    for code, (en, fr) in COUNTRIES.items():
        Country.objects.update_or_create(code=code, defaults={"name_en": en, "name_fr": fr, "name": en})
    networks = {}
    for slug, en, fr, country in NETWORKS:
        networks[slug], _ = NationalNetwork.objects.update_or_create(
            slug=slug, defaults={"name": en, "name_en": en, "name_fr": fr, "country_id": country}
        )
    for slug, name, country, population, share, joined, network, lat, lon, status in CITIES:
        en, fr = DESCRIPTIONS.get(
            slug,
            (
                f"{name} is a member of the Intercultural Cities network.",
                f"{name} est membre du réseau des Cités interculturelles.",
            ),
        )
        City.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "country_id": country,
                "population": population,
                "foreign_born_share": Decimal(share),
                "joined_year": joined,
                "national_network": networks.get(network),
                "latitude": Decimal(lat),
                "longitude": Decimal(lon),
                "status": CityStatus(status),
                "description": en,
                "description_en": en,
                "description_fr": fr,
                "website": f"https://www.{slug.replace('-', '')}.example",
            },
        )
    leads = {
        "norway": "oslo",
        "portugal": "lisbon",
        "spain": "barcelona",
        "italy": "reggio-emilia",
        "ukraine": "melitopol",
        "morocco": "tangier",
    }
    for network, city in leads.items():
        NationalNetwork.objects.filter(slug=network).update(lead_city=City.objects.get(slug=city))
    _demo_accounts()
    return f"{len(CITIES)} cities, {len(NETWORKS)} national networks, {len(COUNTRIES)} countries, 3 demo accounts"


def _demo_accounts() -> None:
    secretariat = _account(
        "secretariat@example.org",
        DEMO_PASSWORDS["secretariat"],
        "Sofia",
        "Secretariat",
        is_secretariat=True,
        is_staff=True,
    )
    for slug, first, last in [("bergen", "Ingrid", "Berg"), ("lisbon", "João", "Lima")]:
        user = _account(f"{slug}@example.org", DEMO_PASSWORDS["coordinator"], first, last)
        Membership.objects.update_or_create(
            user=user,
            city=City.objects.get(slug=slug),
            defaults={"role": Membership.Role.COORDINATOR, "invited_by": secretariat},
        )


def _account(email, password, first, last, **flags) -> User:
    user, created = User.objects.get_or_create(email=email, defaults={"first_name": first, "last_name": last, **flags})
    if created or not user.check_password(password):
        user.set_password(password)
        user.save()
    return user
