"""A real worker process builds profiles on the real broker; a worker killed mid-build loses nothing."""

import io
import os
import signal
import time
from datetime import timedelta

import pytest
from django.utils import timezone
from pypdf import PdfReader

from core import outbox
from core.models import OutboxMessage
from icc_portal.celery import app as celery_app
from profiles import services
from profiles.choices import DocumentStatus
from profiles.models import ProfileDocument

from ..goodpractices.factories import GoodPracticeFactory, field_of_action
from ..services import Worker

pytestmark = pytest.mark.services


def _wait_for(predicate, timeout=90, every=0.02):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(every)
    raise AssertionError("timed out")


def _status(client, city):
    return client.get(f"/api/v1/cities/{city.slug}/profile/?language=en").json()


def test_a_worker_process_builds_the_profile_queued_through_the_api(
    celery_worker, network, city_a, client, secretariat
):
    client.force_login(secretariat)
    response = client.post(
        f"/api/v1/cities/{city_a.slug}/profile/", {"language": "en"}, content_type="application/json"
    )
    assert response.status_code == 202
    assert response.json()["status"] in {"queued", "building", "ready"}
    ready = _wait_for(lambda: (s := _status(client, city_a))["status"] == "ready" and s)
    assert ready["pages"] >= 5 and ready["size"] > 10_000 and ready["built_at"] and ready["stale"] is False
    download = client.get(ready["url"])
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert "attachment" in download["Content-Disposition"]
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(b"".join(download.streaming_content))).pages)
    assert "Alphaville" in text and "Gamma charter" in text


def test_a_worker_killed_mid_build_is_replaced_and_the_previous_pdf_stays_downloadable(
    celery_worker, network, city_a, client, secretariat, tmp_path, _media_root
):
    previous = services.profile_build(document_id=services.profile_request_build(city=city_a, by=secretariat).pk)
    for number in range(60):  # a longer document, so that the build is caught in the act
        GoodPracticeFactory(
            city=city_a, status="published", title=f"Practice {number}", main_field=field_of_action("1")
        )
    victim = Worker(tmp_path, media_root=_media_root)
    queue = celery_app.conf.task_default_queue
    celery_app.conf.task_default_queue = victim.queue
    try:
        document = services.profile_request_build(city=city_a, by=secretariat)
        _wait_for(lambda: ProfileDocument.objects.get(pk=document.pk).status == DocumentStatus.BUILDING)
        os.kill(victim.process.pid, signal.SIGKILL)
        victim.process.wait(timeout=10)
    finally:
        celery_app.conf.task_default_queue = queue
    client.force_login(secretariat)
    meanwhile = client.get(f"/cities/{city_a.slug}/profile/en.pdf")
    assert meanwhile.status_code == 302 and meanwhile["Location"].endswith(f"/{previous.pk}.pdf")
    assert client.get(meanwhile["Location"]).status_code == 200

    # The claim of the dead worker runs out; the beat's sweep hands the build to a live worker.
    OutboxMessage.objects.filter(kind="profile.build").update(claimed_at=timezone.now() - timedelta(hours=1))
    assert outbox.sweep() >= 1
    _wait_for(lambda: ProfileDocument.objects.get(pk=document.pk).status == DocumentStatus.READY)
    assert client.get(f"/cities/{city_a.slug}/profile/en.pdf")["Location"].endswith(f"/{document.pk}.pdf")
