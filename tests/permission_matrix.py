"""The permission matrix: every page and API route × the four personas, in one table.

Each row names a route, the path to request (formatted with the objects of `build_world`), the method,
and the status each persona must get. A coordinator of another city gets 404 for anything not public.
Every new route must get a row here: `test_every_named_route_is_in_the_matrix` fails otherwise.
"""

from dataclasses import dataclass, field

# Shorthands for the expectations.
OK, CREATED, ACCEPTED, NO_CONTENT, FOUND = 200, 201, 202, 204, 302
BAD, UNAUTH, FORBIDDEN, NOT_FOUND, NOT_ALLOWED = 400, 401, 403, 404, 405

PUBLIC = {"anonymous": OK, "coordinator_a": OK, "coordinator_b": OK, "secretariat": OK}
LOGGED_IN = {"anonymous": FOUND, "coordinator_a": OK, "coordinator_b": OK, "secretariat": OK}
SECRETARIAT_PAGE = {"anonymous": FOUND, "coordinator_a": NOT_FOUND, "coordinator_b": NOT_FOUND, "secretariat": OK}
CITY_A_PAGE = {"anonymous": FOUND, "coordinator_a": OK, "coordinator_b": NOT_FOUND, "secretariat": OK}
CITY_A_ONLY = {"anonymous": NOT_FOUND, "coordinator_a": OK, "coordinator_b": NOT_FOUND, "secretariat": OK}
ADMIN = {"anonymous": FOUND, "coordinator_a": FOUND, "coordinator_b": FOUND, "secretariat": OK}
# Admin pages the secretariat may not open: a superuser's account (changing it), the API tokens.
SUPERUSER_ONLY = {**ADMIN, "secretariat": FORBIDDEN}
# The add page of a model only the services write: nobody adds one by hand.
ADMIN_NO_ADD = {**ADMIN, "secretariat": FORBIDDEN}
# The Index: POSTs on the desk redirect those who may act; the API's workflow on city A's draft.
INDEX_DESK_POST = {"anonymous": FOUND, "coordinator_a": FOUND, "coordinator_b": NOT_FOUND, "secretariat": FOUND}
INDEX_API_DRAFT = {"anonymous": FORBIDDEN, "coordinator_a": OK, "coordinator_b": NOT_FOUND, "secretariat": OK}
INDEX_API_REVIEW = {"anonymous": FORBIDDEN, "coordinator_a": FORBIDDEN, "coordinator_b": NOT_FOUND, "secretariat": 409}
# A POST from the coordinator's desk: a redirect for those who may act, 404 for another city.
DESK_ACTION = {"anonymous": FOUND, "coordinator_a": FOUND, "coordinator_b": NOT_FOUND, "secretariat": FOUND}
# API writes: session-less anonymous gets 403; another city's practice is 404.
API_WRITE = {"anonymous": FORBIDDEN, "coordinator_a": CREATED, "coordinator_b": NOT_FOUND, "secretariat": CREATED}
# A POST only the secretariat may make: the login page for the anonymous, 404 for coordinators.
SECRETARIAT_POST = {"anonymous": FOUND, "coordinator_a": NOT_FOUND, "coordinator_b": NOT_FOUND, "secretariat": FOUND}
# Events: a draft is the secretariat's only; API writes are its own.
SECRETARIAT_ONLY = {"anonymous": NOT_FOUND, "coordinator_a": NOT_FOUND, "coordinator_b": NOT_FOUND, "secretariat": OK}
API_SECRETARIAT_WRITE = {
    "anonymous": FORBIDDEN,
    "coordinator_a": FORBIDDEN,
    "coordinator_b": FORBIDDEN,
    "secretariat": OK,
}
API_REVIEW_DRAFT = {"anonymous": FORBIDDEN, "coordinator_a": FORBIDDEN, "coordinator_b": NOT_FOUND, "secretariat": 409}


@dataclass(frozen=True)
class Route:
    name: str
    path: str
    expect: dict
    method: str = "GET"
    data: dict = field(default_factory=dict)
    note: str = ""

    def __str__(self):
        return f"{self.method} {self.name}"


# fmt: off
ROUTES = [
    # Foundation
    Route("home", "/", PUBLIC),
    Route("healthz", "/healthz", PUBLIC),
    Route("login", "/accounts/login/", {**PUBLIC, "coordinator_a": FOUND, "coordinator_b": FOUND, "secretariat": FOUND},
          note="a logged-in user is sent on to the desk"),
    Route("logout", "/accounts/logout/", {p: FOUND for p in PUBLIC}, method="POST"),
    Route("account-profile", "/accounts/profile/", LOGGED_IN, note="name and e-mail language, for every account"),
    Route("account-profile", "/fr/accounts/profile/", LOGGED_IN, note="French"),
    Route("password_change", "/accounts/password/change/", LOGGED_IN),
    Route("password_change_done", "/accounts/password/change/done/", LOGGED_IN),
    Route("password_reset", "/accounts/password/reset/", PUBLIC),
    Route("password_reset_done", "/accounts/password/reset/sent/", PUBLIC),
    Route("password_reset_confirm", "/accounts/reset/MQ/bad-token/", PUBLIC, note="an invalid link says so"),
    Route("password_reset_complete", "/accounts/reset/done/", PUBLIC),
    Route("invite", "/accounts/invite/", SECRETARIAT_PAGE),
    Route("my-desk", "/my/", LOGGED_IN),
    Route("cities:list", "/cities/", PUBLIC),
    Route("cities:list", "/fr/cities/", PUBLIC, note="French"),
    Route("cities:detail", "/cities/{city_a.slug}/", PUBLIC),
    Route("cities:detail", "/cities/{former_city.slug}/",
          {"anonymous": NOT_FOUND, "coordinator_a": NOT_FOUND, "coordinator_b": NOT_FOUND, "secretariat": OK},
          note="former members are out of the public directory"),
    Route("api:api-root", "/api/v1/", PUBLIC),
    Route("api:token", "/api/v1/auth/token/", {p: BAD for p in PUBLIC}, method="POST",
          data={"email": "nobody@example.org", "password": "x"}),
    Route("api:logout", "/api/v1/auth/logout/", {**API_WRITE, "coordinator_a": BAD, "coordinator_b": BAD,
          "secretariat": BAD}, method="POST", note="a session holds no token to revoke; with a token: 204"),
    Route("api:logoutall", "/api/v1/auth/logoutall/", {**API_WRITE, "coordinator_a": NO_CONTENT,
          "coordinator_b": NO_CONTENT, "secretariat": NO_CONTENT}, method="POST"),
    Route("api:city-list", "/api/v1/cities/", PUBLIC),
    Route("api:city-detail", "/api/v1/cities/{city_a.slug}/", PUBLIC),
    Route("api:schema", "/api/schema/", PUBLIC),
    Route("api:docs", "/api/docs/", PUBLIC),
    Route("admin:index", "/admin/", ADMIN),
    Route("admin:cities_city_change", "/admin/cities/city/{city_a.pk}/change/", ADMIN),
    # The admin's accounts: nobody grants a role they do not hold (ROLE_GRANTS below says who may give which).
    Route("admin:accounts_user_changelist", "/admin/accounts/user/", ADMIN),
    Route("admin:accounts_user_change", "/admin/accounts/user/{coordinator_a.pk}/change/", ADMIN),
    Route("admin:accounts_user_change", "/admin/accounts/user/{superuser.pk}/change/", ADMIN,
          note="the secretariat sees a superuser's account, read-only"),
    Route("admin:accounts_user_change", "/admin/accounts/user/{superuser.pk}/change/", SUPERUSER_ONLY,
          method="POST", data={"email": "taken-over@example.org"}),
    Route("admin:auth_user_password_change", "/admin/accounts/user/{superuser.pk}/password/", SUPERUSER_ONLY),
    Route("admin:accounts_user_delete", "/admin/accounts/user/{superuser.pk}/delete/", SUPERUSER_ONLY),
    Route("admin:knox_authtoken_changelist", "/admin/knox/authtoken/", SUPERUSER_ONLY,
          note="API tokens (hashed) are the superusers' to see and revoke"),
    # Every ModelAdmin's changelist and add page (test_every_model_admin_is_in_the_matrix): the secretariat's only;
    # records written by the services (revisions, registrations, outbox messages, ...) cannot be added by hand.
    Route("admin:cities_country_changelist", "/admin/cities/country/", ADMIN),
    Route("admin:cities_country_add", "/admin/cities/country/add/", ADMIN),
    Route("admin:cities_nationalnetwork_changelist", "/admin/cities/nationalnetwork/", ADMIN),
    Route("admin:cities_nationalnetwork_add", "/admin/cities/nationalnetwork/add/", ADMIN),
    Route("admin:cities_city_changelist", "/admin/cities/city/", ADMIN),
    Route("admin:cities_city_add", "/admin/cities/city/add/", ADMIN),
    Route("admin:goodpractices_fieldofaction_changelist", "/admin/goodpractices/fieldofaction/", ADMIN),
    Route("admin:goodpractices_fieldofaction_add", "/admin/goodpractices/fieldofaction/add/", ADMIN),
    Route("admin:goodpractices_goodpractice_changelist", "/admin/goodpractices/goodpractice/", ADMIN),
    Route("admin:goodpractices_goodpractice_add", "/admin/goodpractices/goodpractice/add/", ADMIN_NO_ADD),
    Route("admin:goodpractices_practicerevision_changelist", "/admin/goodpractices/practicerevision/", ADMIN),
    Route("admin:goodpractices_practicerevision_add", "/admin/goodpractices/practicerevision/add/", ADMIN_NO_ADD),
    Route("admin:events_event_changelist", "/admin/events/event/", ADMIN),
    Route("admin:events_event_add", "/admin/events/event/add/", ADMIN),
    Route("admin:events_registration_changelist", "/admin/events/registration/", ADMIN),
    Route("admin:events_registration_add", "/admin/events/registration/add/", ADMIN_NO_ADD),
    Route("admin:index_indexedition_changelist", "/admin/index/indexedition/", ADMIN),
    Route("admin:index_indexedition_add", "/admin/index/indexedition/add/", ADMIN),
    Route("admin:index_indexarea_changelist", "/admin/index/indexarea/", ADMIN),
    Route("admin:index_indexarea_add", "/admin/index/indexarea/add/", ADMIN),
    Route("admin:index_question_changelist", "/admin/index/question/", ADMIN),
    Route("admin:index_question_add", "/admin/index/question/add/", ADMIN),
    Route("admin:index_assessment_changelist", "/admin/index/assessment/", ADMIN),
    Route("admin:index_assessment_add", "/admin/index/assessment/add/", ADMIN_NO_ADD),
    Route("admin:index_answer_changelist", "/admin/index/answer/", ADMIN),
    Route("admin:index_answer_add", "/admin/index/answer/add/", ADMIN_NO_ADD),
    Route("admin:accounts_user_add", "/admin/accounts/user/add/", ADMIN),
    Route("admin:knox_authtoken_add", "/admin/knox/authtoken/add/", SUPERUSER_ONLY),
    Route("admin:core_outboxmessage_changelist", "/admin/core/outboxmessage/", ADMIN),
    Route("admin:core_outboxmessage_add", "/admin/core/outboxmessage/add/", ADMIN_NO_ADD),
    Route("admin:exchange_news_changelist", "/admin/exchange/news/", ADMIN),
    Route("admin:exchange_news_add", "/admin/exchange/news/add/", ADMIN),
    Route("admin:exchange_followup_changelist", "/admin/exchange/followup/", ADMIN),
    Route("admin:exchange_followup_add", "/admin/exchange/followup/add/", ADMIN),
    Route("admin:exchange_adoption_changelist", "/admin/exchange/adoption/", ADMIN),
    Route("admin:exchange_adoption_add", "/admin/exchange/adoption/add/", ADMIN),
    Route("admin:exchange_visitrequest_changelist", "/admin/exchange/visitrequest/", ADMIN),
    Route("admin:exchange_visitrequest_add", "/admin/exchange/visitrequest/add/", ADMIN),
    Route("admin:exchange_savedsearch_changelist", "/admin/exchange/savedsearch/", ADMIN),
    Route("admin:exchange_savedsearch_add", "/admin/exchange/savedsearch/add/", ADMIN),
    Route("admin:exchange_contactmessage_changelist", "/admin/exchange/contactmessage/", ADMIN),
    Route("admin:exchange_contactmessage_add", "/admin/exchange/contactmessage/add/", ADMIN_NO_ADD),
    Route("admin:auth_group_changelist", "/admin/auth/group/", SUPERUSER_ONLY),
    Route("admin:auth_group_add", "/admin/auth/group/add/", SUPERUSER_ONLY),
    Route("admin:axes_accessattempt_changelist", "/admin/axes/accessattempt/", SUPERUSER_ONLY),
    Route("admin:axes_accessattempt_add", "/admin/axes/accessattempt/add/", SUPERUSER_ONLY),
    Route("admin:axes_accesslog_changelist", "/admin/axes/accesslog/", SUPERUSER_ONLY),
    Route("admin:axes_accesslog_add", "/admin/axes/accesslog/add/", SUPERUSER_ONLY),
    Route("admin:axes_accessfailurelog_changelist", "/admin/axes/accessfailurelog/", SUPERUSER_ONLY),
    Route("admin:axes_accessfailurelog_add", "/admin/axes/accessfailurelog/add/", SUPERUSER_ONLY),

    # Good practices: the public database
    Route("goodpractices:list", "/good-practices/", PUBLIC),
    Route("goodpractices:detail", "/good-practices/{published_practice.slug}/", PUBLIC),
    Route("goodpractices:detail", "/good-practices/{draft_practice_a.slug}/", CITY_A_ONLY,
          note="a draft is its city's and the secretariat's only"),
    Route("api:fieldofaction-list", "/api/v1/fields-of-action/", PUBLIC),
    Route("api:fieldofaction-detail", "/api/v1/fields-of-action/3a/", PUBLIC),
    Route("api:goodpractice-list", "/api/v1/good-practices/", PUBLIC),
    Route("api:goodpractice-detail", "/api/v1/good-practices/{published_practice.pk}/", PUBLIC),
    Route("api:goodpractice-detail", "/api/v1/good-practices/{draft_practice_a.pk}/", CITY_A_ONLY),
    Route("goodpractices:list", "/good-practices/?q=<script>&year=abc&page=999999", {p: BAD for p in PUBLIC},
          note="bad filters: the page with the message, status 400"),
    Route("goodpractices:pdf", "/good-practices/{published_practice.slug}/pdf/", PUBLIC),
    Route("goodpractices:pdf", "/good-practices/{draft_practice_a.slug}/pdf/", CITY_A_ONLY),
    Route("goodpractices:fields", "/good-practices/fields/", PUBLIC),
    Route("goodpractices:field", "/good-practices/fields/3/", PUBLIC),
    Route("goodpractices:field", "/good-practices/fields/99/", {p: NOT_FOUND for p in PUBLIC}),
    Route("goodpractices:feed", "/good-practices/feed/", PUBLIC),
    Route("goodpractices:field-feed", "/good-practices/fields/3/feed/", PUBLIC),
    Route("goodpractices:export-csv", "/good-practices/export.csv", PUBLIC, note="published practices only"),
    Route("goodpractices:export-json", "/good-practices/export.json?year=abc", {p: BAD for p in PUBLIC}),
    Route("goodpractices:export-json", "/good-practices/export.json", PUBLIC),

    # Good practices: the coordinator's form, the review desk, reference documents, the API's write side
    Route("practice_desk:list", "/my/practices/", LOGGED_IN),
    Route("practice_desk:new", "/my/practices/new/", LOGGED_IN, note="a page with a button: a GET creates nothing"),
    Route("practice_desk:new", "/my/practices/new/", {**DESK_ACTION, "coordinator_b": FOUND, "secretariat": OK},
          method="POST", note="a coordinator of one city gets a draft there; the secretariat must choose the city"),
    Route("practice_desk:import", "/my/practices/import/", LOGGED_IN),
    Route("practice_desk:import-template", "/my/practices/import/template.docx", LOGGED_IN,
          note="the blank reporting template, a Word file"),
    Route("practice_desk:import-template", "/fr/my/practices/import/template.docx", LOGGED_IN, note="in French"),
    Route("practice_desk:edit", "/my/practices/{draft_practice_a.pk}/", CITY_A_PAGE),
    Route("practice_desk:autosave", "/my/practices/{draft_practice_a.pk}/autosave/",
          {**CITY_A_PAGE, "anonymous": FOUND}, method="POST"),
    Route("practice_desk:preview", "/my/practices/{draft_practice_a.pk}/preview/", CITY_A_PAGE),
    Route("practice_desk:submit", "/my/practices/{draft_practice_a.pk}/submit/", DESK_ACTION, method="POST",
          note="an incomplete draft goes back to the form, which names the missing fields"),
    Route("practice_desk:submit", "/my/practices/{draft_practice_a.pk}/submit/", DESK_ACTION,
          note="the check-your-answers page; an incomplete draft goes back to the form"),
    Route("practice_desk:submit", "/my/practices/{complete_draft_a.pk}/submit/", CITY_A_PAGE,
          note="the check-your-answers page of a complete draft"),
    Route("practice_desk:delete", "/my/practices/{draft_practice_a.pk}/delete/", CITY_A_PAGE,
          note="'Are you sure?' before deleting a draft"),
    Route("practice_desk:delete", "/my/practices/{draft_practice_a.pk}/delete/", DESK_ACTION, method="POST",
          note="deletes the draft, back to the list"),
    Route("practice_desk:delete", "/my/practices/{published_practice.pk}/delete/",
          {**DESK_ACTION, "coordinator_b": NOT_FOUND}, method="POST",
          note="not a draft: back to the practice with a message, nothing deleted"),
    Route("practice_desk:revise", "/my/practices/{published_practice.pk}/new-version/", DESK_ACTION, method="POST"),
    Route("practice_desk:history", "/my/practices/{draft_practice_a.pk}/history/", CITY_A_PAGE),
    Route("practice_desk:compare", "/my/practices/{draft_practice_a.pk}/history/compare/", CITY_A_PAGE),
    Route("practice_desk:file-upload", "/my/practices/{draft_practice_a.pk}/documents/", DESK_ACTION, method="POST"),
    Route("practice_desk:file-delete", "/my/practices/{draft_practice_a.pk}/documents/{draft_file.pk}/delete/",
          DESK_ACTION, method="POST"),
    Route("practice-file", "/good-practices/files/{published_file.pk}/{published_file.name}", PUBLIC),
    Route("practice-file", "/good-practices/files/{draft_file.pk}/{draft_file.name}", CITY_A_ONLY,
          note="a draft's documents are its city's and the secretariat's only"),
    Route("review", "/review/", SECRETARIAT_PAGE),
    Route("review-practice", "/review/practices/{draft_practice_a.pk}/", SECRETARIAT_PAGE),
    Route("review-publish", "/review/practices/{draft_practice_a.pk}/publish/", SECRETARIAT_POST, method="POST",
          note="the confirmation before publishing; a draft cannot be published: back to the review page"),
    Route("review-publish", "/review/practices/{submitted_practice_a.pk}/publish/",
          {**SECRETARIAT_POST, "secretariat": OK}, method="POST", note="'Publish this practice?'"),
    Route("review-publish", "/review/practices/{submitted_practice_a.pk}/publish/", SECRETARIAT_POST,
          note="a GET goes back to the review page"),
    Route("api:goodpractice-list", "/api/v1/good-practices/", {**API_WRITE, "coordinator_b": CREATED,
          "secretariat": BAD}, method="POST", note="the secretariat must name the city"),
    Route("api:goodpractice-detail", "/api/v1/good-practices/{draft_practice_a.pk}/", {**API_WRITE, "coordinator_a": OK,
          "secretariat": OK}, method="PATCH", data={"title": "Renamed"}),
    Route("api:goodpractice-detail", "/api/v1/good-practices/{draft_practice_a.pk}/",
          {**API_WRITE, "coordinator_a": NO_CONTENT, "secretariat": NO_CONTENT}, method="DELETE",
          note="a draft that was never submitted"),
    Route("api:goodpractice-detail", "/api/v1/good-practices/{published_practice.pk}/",
          {**API_WRITE, "coordinator_a": 409, "secretariat": 409}, method="DELETE", note="409: not a draft"),
    Route("api:goodpractice-submit", "/api/v1/good-practices/{draft_practice_a.pk}/submit/",
          {**API_WRITE, "coordinator_a": BAD, "secretariat": BAD}, method="POST", note="400: the draft is incomplete"),
    Route("api:goodpractice-request-changes", "/api/v1/good-practices/{draft_practice_a.pk}/request-changes/",
          API_REVIEW_DRAFT, method="POST", data={"comment": "Shorter"}, note="409: a draft cannot be reviewed"),
    Route("api:goodpractice-publish", "/api/v1/good-practices/{draft_practice_a.pk}/publish/", API_REVIEW_DRAFT,
          method="POST"),
    Route("api:goodpractice-reject", "/api/v1/good-practices/{draft_practice_a.pk}/reject/", API_REVIEW_DRAFT,
          method="POST", data={"comment": "No"}),
    Route("api:goodpractice-unpublish", "/api/v1/good-practices/{published_practice.pk}/unpublish/",
          {"anonymous": FORBIDDEN, "coordinator_a": FORBIDDEN, "coordinator_b": FORBIDDEN, "secretariat": OK},
          method="POST"),
    Route("api:goodpractice-new-version", "/api/v1/good-practices/{published_practice.pk}/new-version/",
          {**API_WRITE, "coordinator_a": CREATED, "secretariat": CREATED}, method="POST"),

    # The ICC Index
    Route("index:public", "/index/", PUBLIC),
    Route("index:public", "/fr/index/?country=NO", PUBLIC, note="French, a peer group"),
    Route("index:public", "/index/?population_band=huge", {p: BAD for p in PUBLIC}, note="a filter it cannot use"),
    Route("index:method", "/index/method/", PUBLIC),
    Route("index:secretariat", "/index/secretariat/", SECRETARIAT_PAGE),
    Route("index:export-results", "/index/secretariat/T-1/2023/results.csv", SECRETARIAT_PAGE),
    Route("index:export-answers", "/index/secretariat/T-1/2023/answers.csv", SECRETARIAT_PAGE),
    Route("index_city:results", "/cities/{city_a.slug}/index/", PUBLIC, note="the latest wave each persona may see"),
    Route("index_city:wave", "/cities/{city_a.slug}/index/T-1/2023/", PUBLIC, note="published"),
    Route("index_city:wave", "/cities/{city_a.slug}/index/T-1/2025/", CITY_A_ONLY, note="a draft's live scores"),
    Route("index_desk:list", "/my/index/", LOGGED_IN),
    Route("index_desk:assessment", "/my/index/{index_draft_a.pk}/", CITY_A_PAGE),
    Route("index_desk:area", "/my/index/{index_draft_a.pk}/areas/commitment/", CITY_A_PAGE),
    Route("index_desk:team", "/my/index/{index_draft_a.pk}/team/", INDEX_DESK_POST, method="POST"),
    Route("index_desk:workflow", "/my/index/{index_draft_a.pk}/submit/", INDEX_DESK_POST, method="POST"),
    Route("index_desk:override", "/my/index/{index_published_a.pk}/override/c.statement/",
          {**INDEX_DESK_POST, "coordinator_a": NOT_FOUND}, method="POST"),
    Route("api:index-edition-list", "/api/v1/index/editions/", PUBLIC),
    Route("api:index-edition-list", "/api/v1/index/editions/", {**INDEX_API_REVIEW, "coordinator_b": FORBIDDEN,
          "secretariat": BAD}, method="POST", note="an empty edition: 400 naming the problems"),
    Route("api:index-edition-detail", "/api/v1/index/editions/T-1/", PUBLIC),
    Route("api:index-assessment-list", "/api/v1/index/assessments/", PUBLIC),
    Route("api:index-assessment-list", "/api/v1/index/assessments/",
          {"anonymous": FORBIDDEN, "coordinator_a": BAD, "coordinator_b": FORBIDDEN, "secretariat": BAD},
          method="POST", data={"city": "city-a", "edition": "T-1", "year": 2025}, note="one per city, edition, year"),
    Route("api:index-assessment-detail", "/api/v1/index/assessments/{index_draft_a.pk}/",
          {**CITY_A_ONLY, "anonymous": FORBIDDEN}, note="F15: anonymous gets 403 whether the id exists or not"),
    Route("api:index-assessment-answers", "/api/v1/index/assessments/{index_draft_a.pk}/answers/", INDEX_API_DRAFT,
          method="PUT", data={"answers": [{"question": "c.statement", "choices": ["yes"]}]}),
    Route("api:index-assessment-submit", "/api/v1/index/assessments/{index_draft_a.pk}/submit/", INDEX_API_DRAFT,
          method="POST"),
    Route("api:index-assessment-validate", "/api/v1/index/assessments/{index_draft_a.pk}/validate/",
          INDEX_API_REVIEW, method="POST", note="409: a draft is not validated"),
    Route("api:index-assessment-return", "/api/v1/index/assessments/{index_draft_a.pk}/return/", INDEX_API_REVIEW,
          method="POST", data={"comment": "More evidence"}),
    Route("api:index-assessment-publish", "/api/v1/index/assessments/{index_draft_a.pk}/publish/", INDEX_API_REVIEW,
          method="POST"),
    Route("api:index-assessment-results", "/api/v1/index/assessments/{index_draft_a.pk}/results/", INDEX_API_DRAFT),
    Route("api:index-assessment-results", "/api/v1/index/assessments/{index_published_a.pk}/results/", PUBLIC),

    # Intercultural profiles (city A's profile is built but not public)
    Route("profiles:desk", "/profiles/", SECRETARIAT_PAGE),
    Route("profiles:rebuild-all", "/profiles/all/", SECRETARIAT_POST, method="POST"),
    Route("profiles:batch", "/profiles/batch/{profile_batch}/", SECRETARIAT_PAGE),
    Route("profiles:rebuild", "/profiles/{city_a.slug}/build/", SECRETARIAT_POST, method="POST"),
    Route("profiles:publish", "/profiles/{city_a.slug}/publish/", SECRETARIAT_POST, method="POST"),
    Route("profiles:document", "/cities/{city_a.slug}/profile/{profile_document_a.pk}.pdf", CITY_A_ONLY),
    Route("profiles:current", "/cities/{city_a.slug}/profile/en.pdf", {**CITY_A_ONLY, "coordinator_a": FOUND,
          "secretariat": FOUND}, note="to the newest complete document"),
    Route("api:city-profile", "/api/v1/cities/{city_a.slug}/profile/", INDEX_API_DRAFT),
    Route("api:city-profile", "/api/v1/cities/{city_a.slug}/profile/",
          {"anonymous": FORBIDDEN, "coordinator_a": FORBIDDEN, "coordinator_b": NOT_FOUND, "secretariat": ACCEPTED},
          method="POST", data={"language": "fr"}),
    # Events: the calendar, an event, registration, the coordinator's list, the secretariat's desk, the API
    Route("events:list", "/events/", PUBLIC),
    Route("events:list", "/fr/events/?kind=study_visit&field=3", PUBLIC, note="French, filtered"),
    Route("events:list", "/events/?year=abc&kind=party", {p: BAD for p in PUBLIC}, note="bad filters: 400"),
    Route("events:calendar-ics", "/events/calendar.ics", PUBLIC),
    Route("events:statistics", "/events/statistics/", PUBLIC),
    Route("events:statistics-csv", "/events/statistics/2017.csv", PUBLIC),
    Route("events:detail", "/events/{event.slug}/", PUBLIC),
    Route("events:detail", "/events/{draft_event.slug}/", SECRETARIAT_ONLY, note="a draft is the secretariat's"),
    Route("events:event-ics", "/events/{event.slug}/calendar.ics", PUBLIC),
    Route("events:event-ics", "/events/{draft_event.slug}/calendar.ics", SECRETARIAT_ONLY),
    Route("events:document", "/events/{event.slug}/documents/{event_document.pk}/programme.pdf", PUBLIC),
    Route("events:document", "/events/{draft_event.slug}/documents/{draft_document.pk}/programme.pdf",
          SECRETARIAT_ONLY),
    Route("events:register", "/events/{event.slug}/register/", LOGGED_IN),
    Route("events:register", "/events/{draft_event.slug}/register/", {**SECRETARIAT_PAGE, "anonymous": FOUND}),
    Route("events:register", "/events/{event.slug}/register/", {**LOGGED_IN, "coordinator_a": BAD,
          "coordinator_b": BAD, "secretariat": BAD}, method="POST", note="an empty form: 400 with its errors"),
    Route("event_desk:list", "/my/events/", {**LOGGED_IN, "secretariat": FOUND},
          note="the secretariat is sent to the event desk"),
    Route("event_desk:cancel", "/my/events/{registration_a.pk}/cancel/", DESK_ACTION, method="POST"),
    Route("events:desk", "/events/desk/", SECRETARIAT_PAGE),
    Route("events:desk-new", "/events/desk/new/", SECRETARIAT_PAGE),
    Route("events:desk-event", "/events/desk/{event.slug}/", SECRETARIAT_PAGE),
    Route("events:desk-edit", "/events/desk/{event.slug}/edit/", SECRETARIAT_PAGE),
    Route("events:desk-participants", "/events/desk/{event.slug}/participants.csv", SECRETARIAT_PAGE),
    Route("events:desk-message", "/events/desk/{event.slug}/message/", SECRETARIAT_POST, method="POST"),
    Route("events:desk-second-session", "/events/desk/{event.slug}/second-session/", SECRETARIAT_POST,
          method="POST"),
    Route("events:desk-document-upload", "/events/desk/{event.slug}/documents/", SECRETARIAT_POST, method="POST"),
    Route("events:desk-document-delete", "/events/desk/{event.slug}/documents/{event_document.pk}/delete/",
          SECRETARIAT_POST, method="POST"),
    Route("events:desk-workflow", "/events/desk/{draft_event.slug}/publish/", SECRETARIAT_POST, method="POST"),
    Route("events:desk-registration", "/events/desk/registrations/{registration_a.pk}/cancel/", SECRETARIAT_POST,
          method="POST"),
    Route("api:event-list", "/api/v1/events/", PUBLIC),
    Route("api:event-list", "/api/v1/events/?type=webinar&upcoming=true", PUBLIC),
    Route("api:event-list", "/api/v1/events/", API_SECRETARIAT_WRITE | {"secretariat": CREATED}, method="POST",
          data={"title": "Webinar", "kind": "webinar", "starts_at": "2030-03-14T14:00:00+01:00",
                "ends_at": "2030-03-14T16:00:00+01:00"}),
    Route("api:event-detail", "/api/v1/events/{event.slug}/", PUBLIC),
    Route("api:event-detail", "/api/v1/events/{draft_event.slug}/", SECRETARIAT_ONLY),
    Route("api:event-detail", "/api/v1/events/{event.slug}/", API_SECRETARIAT_WRITE, method="PATCH",
          data={"capacity": 6}),
    Route("api:event-registrations", "/api/v1/events/{event.slug}/registrations/",
          {**PUBLIC, "anonymous": FORBIDDEN}, note="coordinators see their cities' only"),
    Route("api:event-registrations", "/api/v1/events/{event.slug}/registrations/",
          {"anonymous": FORBIDDEN, "coordinator_a": CREATED, "coordinator_b": CREATED, "secretariat": BAD},
          method="POST", data={"name": "Ana Silva", "email": "ana@example.org", "gender": "woman"},
          note="each coordinator for their own city; the secretariat must name the city"),
    Route("api:registration-list", "/api/v1/registrations/", {**PUBLIC, "anonymous": FORBIDDEN}),
    Route("api:registration-detail", "/api/v1/registrations/{registration_a.pk}/",
          {**CITY_A_ONLY, "anonymous": FORBIDDEN}),
    Route("api:registration-detail", "/api/v1/registrations/{registration_a.pk}/",
          {"anonymous": FORBIDDEN, "coordinator_a": NO_CONTENT, "coordinator_b": NOT_FOUND,
           "secretariat": NO_CONTENT}, method="DELETE"),

    # Exchange: news from cities
    Route("exchange:news-list", "/news/", PUBLIC),
    Route("exchange:news-list", "/news/?year=abc", {p: BAD for p in PUBLIC}, note="bad filters: 400 with the message"),
    Route("exchange:news-feed", "/news/feed/", PUBLIC),
    Route("exchange:news-detail", "/news/{news_published_a.pk}/", PUBLIC),
    Route("exchange:news-detail", "/news/{news_draft_a.pk}/", CITY_A_ONLY, note="a draft is its city's"),
    Route("exchange:news-image", "/news/{news_draft_a.pk}/image/", CITY_A_ONLY),
    Route("exchange:desk-news", "/my/news/", {**LOGGED_IN, "coordinator_b": OK}),
    Route("exchange:desk-news-new", "/my/news/new/", LOGGED_IN),
    Route("exchange:desk-news-edit", "/my/news/{news_draft_a.pk}/", CITY_A_PAGE),
    Route("exchange:desk-news-act", "/my/news/{news_draft_a.pk}/submit/", DESK_ACTION, method="POST",
          note="the page says what happened (here: submitted, or refused for the secretariat)"),
    Route("exchange:desk-news-act", "/my/news/{news_published_a.pk}/unpublish/",
          {**DESK_ACTION, "coordinator_a": FOUND}, method="POST",
          note="the coordinator's refusal is a message on the page; the secretariat unpublishes"),
    Route("exchange:contact", "/cities/{city_a.slug}/contact/", PUBLIC),
    Route("exchange:contact", "/cities/{city_a.slug}/contact/", {p: BAD for p in PUBLIC}, method="POST",
          note="an empty form: 400 with the form's errors"),
    Route("exchange:contact", "/cities/{former_city.slug}/contact/", {p: NOT_FOUND for p in PUBLIC}),
    Route("exchange:visit-new", "/cities/{city_a.slug}/study-visit/",
          {"anonymous": FOUND, "coordinator_a": NOT_FOUND, "coordinator_b": OK, "secretariat": NOT_FOUND},
          note="another city's coordinators ask; a city does not ask itself"),
    Route("exchange:desk-visits", "/my/visits/", {**LOGGED_IN, "coordinator_b": OK}),
    Route("exchange:desk-visit-act", "/my/visits/{visit_to_a.pk}/accept/",
          {**DESK_ACTION, "coordinator_b": FOUND}, method="POST",
          note="the host accepts; the requester's refusal is a message on the desk"),
    Route("exchange:visit-schedule", "/my/visits/{visit_to_a.pk}/schedule/", SECRETARIAT_POST, method="POST",
          note="not accepted yet: the secretariat's page says so"),
    Route("exchange:secretariat", "/exchange/secretariat/", SECRETARIAT_PAGE),
    Route("exchange:adopt", "/good-practices/{published_practice.slug}/adaptations/",
          {"anonymous": FOUND, "coordinator_a": NOT_FOUND, "coordinator_b": FOUND, "secretariat": NOT_FOUND},
          method="POST", note="another city's coordinators only; an empty form is a message on the page"),
    Route("exchange:follow-up-new", "/good-practices/{published_practice.slug}/follow-ups/new/", CITY_A_PAGE),
    Route("exchange:desk-follow-up", "/my/follow-ups/{follow_up_a.pk}/", CITY_A_PAGE),
    Route("exchange:desk-follow-up-act", "/my/follow-ups/{follow_up_a.pk}/submit/", DESK_ACTION, method="POST"),
    Route("api:practice-adoptions", "/api/v1/good-practices/{published_practice.pk}/adoptions/", PUBLIC),
    Route("api:practice-follow-ups", "/api/v1/good-practices/{published_practice.pk}/follow-ups/", PUBLIC),
    Route("api:practice-follow-ups", "/api/v1/good-practices/{draft_practice_a.pk}/follow-ups/",
          {p: NOT_FOUND for p in PUBLIC}, note="only a published practice has public follow-ups"),
    Route("exchange:alert-new", "/alerts/new/?q=housing&field=3", PUBLIC),
    Route("exchange:alert-new", "/alerts/new/?year=abc", {p: BAD for p in PUBLIC}, note="bad filters: a form error"),
    Route("exchange:alert-confirm", "/alerts/confirm/bad-token/", {p: BAD for p in PUBLIC}),
    Route("exchange:alert-unsubscribe", "/alerts/unsubscribe/bad-token/", {p: BAD for p in PUBLIC},
          note="a tampered token changes nothing"),
    Route("exchange:desk-alerts", "/my/alerts/", LOGGED_IN),
    Route("exchange:desk-alert", "/my/alerts/{alert_a.pk}/",
          {"anonymous": FOUND, "coordinator_a": FOUND, "coordinator_b": NOT_FOUND, "secretariat": NOT_FOUND},
          method="POST", note="one's own alerts only"),
    Route("api:news-list", "/api/v1/news/", PUBLIC),
    Route("api:news-detail", "/api/v1/news/{news_published_a.pk}/", PUBLIC),
    Route("api:news-detail", "/api/v1/news/{news_draft_a.pk}/", CITY_A_ONLY),
]
# fmt: on

# Who may tick each role on another account in the admin (F9): nobody grants a role they do not hold. The
# secretariat may make a colleague secretariat; staff and superuser are given by superusers only.
ROLE_GRANTS = {
    "is_secretariat": {"secretariat": True, "superuser": True},
    "is_staff": {"secretariat": False, "superuser": True},
    "is_superuser": {"secretariat": False, "superuser": True},
}

# Routes that are not pages of the portal: Django's own, or variants of a route already in the table.
NOT_IN_MATRIX_PREFIXES = ("admin:", "set_language", "en-redirect", "javascript-catalog")


def build_world(*, city_a, city_b, secretariat, coordinator_a, coordinator_b) -> dict:
    """The objects the paths above are formatted with. Later features add theirs here."""
    from .factories import CityFactory, UserFactory
    from .goodpractices.factories import GoodPracticeFactory, reference_file

    published_practice = GoodPracticeFactory(city=city_a, status="published")
    draft_practice_a = GoodPracticeFactory(city=city_a, status="draft")
    complete_draft_a = GoodPracticeFactory(
        city=city_a, status="draft", contact_person="Ana", contact_email="ana@test.example"
    )
    submitted_practice_a = GoodPracticeFactory(city=city_a, status="submitted")
    from .index.factories import index_world

    index_objects = index_world(city_a=city_a, coordinator_a=coordinator_a, secretariat=secretariat)
    from .events.factories import events_world
    from .exchange.factories import exchange_world
    from .profiles.factories import profile_world

    event_objects = events_world(city_a=city_a, coordinator_a=coordinator_a, secretariat=secretariat)
    return {
        **exchange_world(
            city_a=city_a, city_b=city_b, coordinator_a=coordinator_a, published_practice=published_practice
        ),
        **index_objects,
        **profile_world(city_a=city_a),
        **event_objects,
        "published_practice": published_practice,
        "draft_practice_a": draft_practice_a,
        "complete_draft_a": complete_draft_a,
        "submitted_practice_a": submitted_practice_a,
        "published_file": reference_file(published_practice),
        "draft_file": reference_file(draft_practice_a),
        "city_a": city_a,
        "city_b": city_b,
        "coordinator_a": coordinator_a,
        "superuser": UserFactory(email="root@test.example", is_superuser=True, is_staff=True),
        "former_city": CityFactory(slug="former-city", name="Formerton", status="former"),
    }
