"""The traffic of `make load` (started by load/run.py, which passes the site's data in LOAD_SITE and collects the
timings from LOAD_SAMPLES).

- `Visitor`: the public mix, closed loop (no think time), so that the run measures what the server sustains. Its pages
  follow how people use the database: most visits go to the list, common filters and searches and the practices they
  lead to; a long tail goes to practices found by search engines (any of the 100,000) and to searches nobody made
  before, which no cache can answer.
- `PacedVisitor`: the same visits at a fixed offered rate (LOAD_RATE requests/s shared by the users): the latency
  the public sees at that rate, rather than the length of the queue of a saturated server.
- `Coordinator`: a city coordinator editing a draft through the API, saving every one to three seconds.
- `Bare`: the bare page, measured on its own after the mix.

Requests carry `X-Forwarded-Proto: https`, as behind the TLS proxy of a production deployment.
"""

import json
import os
import random
import time

from locust import FastHttpUser, between, constant, constant_throughput, events, task

SITE = json.loads(os.environ.get("LOAD_SITE", "{}") or "{}")
PROXY = {"X-Forwarded-Proto": "https"}
PAGE = {**PROXY, "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
API = {**PROXY, "Accept": "application/json"}
SEARCHES = (
    "intercultural", "racism", "refugees", "youth", "schools", "mediation", "housing", "employment", "women",
    "festival", "library", "neighbourhood", "dialogue", "participation", "Roma", "hate speech", "rumours",
    "newcomers", "welcome centre", "mentoring", "interfaith", "sport", "citizenship", "languages", "hackathon",
    "racisme", "réfugiés", "jeunesse", "écoles", "logement", "médiation", "quartier", "dialogue interculturel",
)  # fmt: skip
WORDS = sorted({word for phrase in SEARCHES for word in phrase.split()} | {"city", "council", "training", "survey"})
YEARS = range(2008, 2026)
TARGET_GROUPS = ("young_people", "teachers_trainers", "municipalities", "social_workers", "interested_citizens")
POPULAR = 2_000  # practices reached from the list, filters and searches
samples: list = []


@events.request.add_listener
def _record(request_type, name, response_time, response_length, response=None, exception=None, **kwargs):
    hit = response is not None and (response.headers or {}).get("X-Page-Cache") == "hit"
    status = getattr(response, "status_code", 0) or 0
    samples.append([name, response_time, exception is None, hit, status, time.time()])


@events.quitting.add_listener
def _write(environment, **kwargs):
    path = os.environ.get("LOAD_SAMPLES")
    if path:
        with open(path, "w") as out:
            json.dump({"samples": samples}, out)


def _popular_practice() -> int:
    rng = random.Random(random.randrange(POPULAR))  # the same 2,000 practices in every run
    return rng.randrange(SITE["practices"])


class Visitor(FastHttpUser):
    """The public: pages and the API, as described above (weights are shares of the visits)."""

    wait_time = constant(0)
    weight = 1

    def page(self, path: str, name: str):
        self.client.get(path, name=name, headers=PAGE)

    def api(self, path: str, name: str):
        self.client.get(path, name=name, headers=API)

    @task(4)
    def home(self):
        self.page("/", "home")

    @task(10)
    def practice_list(self):
        self.page("/good-practices/", "list")

    @task(3)
    def practice_list_later_page(self):
        self.page(f"/good-practices/?page={random.randint(2, 5)}", "list, pages 2–5")

    @task(10)
    def filters(self):
        field, country = random.choice(SITE["fields"]), random.choice(SITE["countries"])
        query = random.choice(
            [
                f"field={field}",
                f"country={country}",
                f"field={field}&country={country}",
                f"year={random.choice(YEARS)}",
                f"target_group={random.choice(TARGET_GROUPS)}",
                f"language={random.choice(['en', 'fr'])}",
            ]
        )
        self.page(f"/good-practices/?{query}", "list with filters")

    @task(8)
    def search(self):
        self.page(f"/good-practices/?q={random.choice(SEARCHES)}", "search")

    @task(2)
    def search_never_made_before(self):
        words = " ".join(random.sample(WORDS, 2)) + f" {random.randrange(10**6)}"
        self.page(f"/good-practices/?q={words}", "search, long tail")

    @task(12)
    def practice(self):
        self.page(f"/good-practices/bench-practice-{_popular_practice()}/", "practice page")

    @task(3)
    def practice_long_tail(self):
        self.page(f"/good-practices/bench-practice-{random.randrange(SITE['practices'])}/", "practice page, long tail")

    @task(6)
    def city(self):
        self.page(f"/cities/{random.choice(SITE['cities'] + SITE['index_cities'])}/", "city page")

    @task(1)
    def cities(self):
        self.page("/cities/", "cities")

    @task(5)
    def index_results(self):
        self.page(f"/cities/{random.choice(SITE['index_cities'])}/index/", "Index results")

    @task(4)
    def api_list(self):
        self.api("/api/v1/good-practices/", "API list")

    @task(4)
    def api_filtered(self):
        field, country = random.choice(SITE["fields"]), random.choice(SITE["countries"])
        query = random.choice([f"field={field}", f"country={country}", f"q={random.choice(SEARCHES)}"])
        self.api(f"/api/v1/good-practices/?{query}", "API filters and search")

    @task(4)
    def api_practice(self):
        self.api(f"/api/v1/good-practices/{SITE['first_id'] + _popular_practice()}/", "API practice")

    @task(3)
    def api_index_results(self):
        self.api(f"/api/v1/index/assessments/{random.choice(SITE['assessments'])}/results/", "API Index results")

    @task(1)
    def api_cities(self):
        self.api("/api/v1/cities/", "API cities")


class PacedVisitor(Visitor):
    """`Visitor`'s visits, each user at its share of LOAD_RATE (a user that falls behind waits for no one)."""

    wait_time = constant_throughput(float(os.environ.get("LOAD_RATE_PER_USER", "1")))


class Coordinator(FastHttpUser):
    """A coordinator editing a draft of their city's practice through the API: a save every one to three seconds."""

    wait_time = between(1, 3)
    fixed_count = len(SITE.get("coordinators", []))
    coordinators = iter(SITE.get("coordinators", []))

    def on_start(self):
        account = next(Coordinator.coordinators)  # logged in by load/run.py before the clock started
        self.headers = {**API, "Authorization": f"Token {account['token']}"}
        title = f"Load run draft of {account['city']}"
        draft = self.client.post(
            "/api/v1/good-practices/", json={"city": account["city"], "title": title}, headers=self.headers,
            name="coordinator: new draft",
        ).json()  # fmt: skip
        self.draft, self.version, self.saves = draft["id"], draft["version"], 0

    @task
    def save_draft(self):
        self.saves += 1
        text = f"What the city did, as written after {self.saves} saves. " * 20
        with self.client.patch(
            f"/api/v1/good-practices/{self.draft}/",
            json={"version": self.version, "process": text},
            headers=self.headers,
            name="coordinator: save draft",
            catch_response=True,
        ) as response:
            if response.status_code == 200:
                self.version = response.json()["version"]
                response.success()


class Bare(FastHttpUser):
    """The bare page: a template and the middleware, no database and no cache."""

    wait_time = constant(0)

    @task
    def floor(self):
        self.client.get("/floor/", name="bare page", headers=PAGE)
