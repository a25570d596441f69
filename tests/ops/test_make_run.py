"""`make run`'s supervisor (icc_portal.devserver), with real child processes standing in for the worker and the web
server: a dead worker is started again after a growing pause, the web server stays up, Ctrl-C stops everything."""

import os
import signal
import sys
import time

from icc_portal import devserver
from icc_portal.devserver import Child

from .drills import wait_until

SLEEPER = [sys.executable, "-c", "import time; time.sleep(120)"]


def _children():
    worker = Child("worker", SLEEPER, dict(os.environ), restart=True)
    web = Child("web server", SLEEPER, dict(os.environ))
    for child in (worker, web):
        child.start()
    return worker, web


def _kill(child: Child) -> int:
    pid = child.process.pid
    os.kill(pid, signal.SIGKILL)
    child.process.wait()
    return pid


def test_a_dead_worker_is_started_again_while_the_web_server_stays_up(capsys):
    worker, web = _children()
    try:
        first = _kill(worker)
        assert worker.check() and web.check()
        assert "The worker stopped (exit code -9); starting it again in 1 s." in capsys.readouterr().out
        wait_until(lambda: worker.check() and worker.process.pid != first, timeout=5, what="a new worker")
        assert worker.process.poll() is None and worker.restarts == 1
        assert web.process.poll() is None

        # It died again within a minute of its start: the pause doubles.
        _kill(worker)
        worker.check()
        assert "starting it again in 2 s." in capsys.readouterr().out
    finally:
        devserver.stop_all([worker, web])
    assert worker.process.poll() is not None and web.process.poll() is not None


def test_the_run_ends_when_the_web_server_dies_and_stops_the_others(capsys):
    worker, web = _children()
    _kill(web)
    started = time.monotonic()
    devserver.supervise([worker, web], stopping=[], poll=0.05)
    assert time.monotonic() - started < 2
    assert "The web server stopped (exit code -9)." in capsys.readouterr().out
    devserver.stop_all([worker, web])
    assert worker.process.returncode == -signal.SIGTERM


def test_ctrl_c_stops_every_child_even_one_waiting_to_be_restarted():
    worker, web = _children()
    _kill(worker)
    worker.check()  # now waiting out its pause
    devserver.supervise([worker, web], stopping=[True])
    devserver.stop_all([worker, web])
    assert web.process.returncode == -signal.SIGTERM
    assert worker.restart_at is None and worker.restarts == 0  # not started again behind the user's back
