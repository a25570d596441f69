"""Faults, drilled with real processes: a worker killed -9, a pool process killed mid-task, the broker gone and back.

Each drill prints what it saw (`pytest -s tests/ops/test_drills.py`); docs/operations.md quotes a run.
"""

import re
import time
from collections import Counter

import pytest
from django.db import transaction

from core.models import OutboxMessage
from core.notifications import notify
from icc_portal.celery import app as celery_app
from tests.services import Worker

from .drills import Beat, RedisServer, child_pids, kill, queued, use_broker, wait_until

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]

SLOW_MAIL = "tests.ops.mail.SlowFileBackend"
INVITATION = {"city": "Bergen", "inviter": "Sofia", "email": "x", "role": "coordinator", "link": "l", "days": 3}


def _invite(*recipients: str) -> None:
    with transaction.atomic():
        for recipient in recipients:
            notify(template="invitation", recipients=[recipient], context=INVITATION)


def _pending() -> int:
    """Rows not sent yet: waiting for a worker, or claimed by one (alive, or killed before it finished)."""
    return OutboxMessage.objects.exclude(status=OutboxMessage.Status.SENT).count()


@pytest.fixture
def processes(request):
    """Starts workers and beats for a drill, sends this process's tasks to the (first) worker's queue, stops them
    all at the end and shows their logs when the drill failed."""
    started = []
    default_queue = celery_app.conf.task_default_queue

    def start(kind, *args, **kwargs):
        process = kind(*args, **kwargs)
        if kind is Worker and not any(isinstance(p, Worker) for p in started):
            celery_app.conf.task_default_queue = process.queue
        started.append(process)
        return process

    yield start
    celery_app.conf.task_default_queue = default_queue
    for process in reversed(started):
        process.stop()
    if getattr(request.node, "rep_call", None) is None or request.node.rep_call.failed:
        for process in started:
            print(f"--- {process.log.name}\n{process.log.read_text()[-4000:]}")


def test_f7_emails_queued_when_the_worker_is_killed_all_arrive_exactly_once(tmp_path, processes):
    """F7: the filesystem broker deletes a message when the worker takes it, so a worker killed -9 lost it.
    Now its outbox row stays claimed by the dead worker until the lease runs out; the beat's sweep then queues it again
    (and the pending ones still in the broker: a claim is taken once, so they are not sent twice)."""
    env = {"EMAIL_BACKEND": SLOW_MAIL, "DRILL_SEND_DELAY": "0.3", "OUTBOX_RETRY_AFTER": "3", "OUTBOX_LEASE": "5"}
    worker = processes(Worker, tmp_path / "worker", env=env)
    recipients = [f"drill-{n:02d}@test.example" for n in range(30)]
    _invite(*recipients)

    wait_until(lambda: len(worker.messages()) >= 10, timeout=60, what="10 of the 30 e-mails")
    time.sleep(0.1)  # past the commit of the 10th e-mail: the worker is inside the delivery of the next one
    kill(worker.process.pid)
    worker.process.wait()
    delivered, offered, pending = len(worker.messages()), queued(worker.queue), _pending()
    claimed = OutboxMessage.objects.filter(status=OutboxMessage.Status.DELIVERING).count()
    print(
        f"\nkilled -9 after {delivered} e-mails: {pending} outbox rows not sent ({claimed} claimed by the dead "
        f"worker), {offered} tasks left in the broker"
    )
    assert pending == 30 - delivered
    assert offered < pending, "the task the killed worker held should be gone from the broker"

    worker.start()
    processes(Beat, tmp_path, worker.env, every=1)
    started = time.monotonic()
    wait_until(lambda: _pending() == 0, timeout=90, what="every outbox row sent")
    print(f"worker and beat restarted: all sent {time.monotonic() - started:.1f} s later")

    arrived = sorted(message["To"] for message in worker.messages())
    assert arrived == recipients  # every one, none twice
    attempts = Counter(OutboxMessage.objects.values_list("attempts", flat=True))
    assert attempts == Counter({1: 30 - claimed, 2: claimed})  # the dead worker's claim was delivered once more


def test_a_pool_process_killed_mid_task_runs_the_task_again(tmp_path, processes):
    """acks_late + reject_on_worker_lost on the outbox task: the broker gets the message back when the process that
    ran it dies, and the task runs again at once. The row is still claimed, by that same task (`claimed_by`): the
    new run takes its own claim over and delivers at once. Neither the lease nor the sweep can deliver it within
    the drill (an hour each), and there is no beat."""
    env = {"EMAIL_BACKEND": SLOW_MAIL, "DRILL_SEND_DELAY": "2", "OUTBOX_RETRY_AFTER": "3600", "OUTBOX_LEASE": "3600"}
    worker = processes(Worker, tmp_path / "worker", env=env, options=("--pool", "prefork", "--concurrency", "1"))
    wait_until(lambda: child_pids(worker.process.pid), timeout=30, what="the worker's pool process")
    _invite("again@test.example")
    wait_until(
        lambda: "deliver_outbox_message" in worker.log.read_text() and "received" in worker.log.read_text(),
        timeout=30,
        what="the worker to take the task",
    )
    time.sleep(0.5)  # inside the delivery (it sleeps 2 s before writing the e-mail)
    [pool_process] = child_pids(worker.process.pid)
    kill(pool_process)
    killed = time.monotonic()
    print(f"\nkilled the pool process {pool_process} mid-delivery")

    [mail] = worker.wait_for_mail(1, timeout=60)
    log = worker.log.read_text()
    task_id = re.search(r"deliver_outbox_message\[([0-9a-f-]+)\] received", log).group(1)
    runs = log.count(f"deliver_outbox_message[{task_id}] received")
    print(f"the task ran again at once ({runs} runs, WorkerLostError in between) and took its own claim over:")
    print(f"one e-mail, {time.monotonic() - killed:.1f} s after the kill")
    assert "WorkerLostError" in log and runs >= 2
    message = OutboxMessage.objects.get()
    assert message.status == OutboxMessage.Status.SENT and message.attempts == 2
    time.sleep(1)
    assert len(worker.messages()) == 1


def test_the_broker_gone_and_back_loses_nothing(tmp_path, processes):
    """Redis killed (with what it held) while practices are submitted: the change commits, its e-mail waits as an
    outbox row; when Redis is back, empty, the beat's sweep queues the rows again and each e-mail arrives once."""
    redis_server = RedisServer(tmp_path)
    env = {"CELERY_BROKER_URL": redis_server.url, "OUTBOX_RETRY_AFTER": "2"}
    try:
        with use_broker(redis_server.url):
            worker = processes(Worker, tmp_path / "worker", env=env)
            processes(Beat, tmp_path, worker.env, every=1)
            _invite("before@test.example")
            worker.wait_for_mail(1, timeout=30)

            redis_server.stop()
            started = time.monotonic()
            during = [f"during-{n}@test.example" for n in range(5)]
            for recipient in during:
                _invite(recipient)  # each commit tries to queue its task and gives up: the row stays
            took = (time.monotonic() - started) / len(during)
            print(f"\nbroker down: 5 changes committed, {took:.2f} s each; {_pending()} outbox rows pending")
            assert _pending() == 5
            time.sleep(3)

            redis_server.start()
            started = time.monotonic()
            wait_until(lambda: _pending() == 0, timeout=60, what="the pending rows sent once Redis is back")
            print(f"broker back (empty): all sent {time.monotonic() - started:.1f} s later")
    finally:
        redis_server.stop()
    arrived = sorted(message["To"] for message in worker.messages())
    assert arrived == sorted(["before@test.example", *during])
