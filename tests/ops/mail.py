"""E-mail backends the drills configure in a worker (EMAIL_BACKEND=tests.ops.mail.SlowFileBackend)."""

import os
import time

from django.core.mail.backends.filebased import EmailBackend


class SlowFileBackend(EmailBackend):
    """The file backend, slower by DRILL_SEND_DELAY seconds a message: a drill can kill the worker while it is
    inside a delivery, not in the few milliseconds between the write of the e-mail and the commit that marks it
    sent (a crash there sends that one e-mail twice: the outbox is at-least-once at the SMTP boundary)."""

    def send_messages(self, email_messages):
        time.sleep(float(os.environ.get("DRILL_SEND_DELAY", "0.3")))
        return super().send_messages(email_messages)
