from ..env import VAR_DIR, env_str

# With CELERY_BROKER_URL unset, a single machine uses kombu's filesystem transport under var/broker:
# a real worker process still consumes the queue, nothing runs eagerly.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", "filesystem://")
BROKER_DIR = VAR_DIR / "broker"
CELERY_BROKER_TRANSPORT_OPTIONS = (
    {
        "data_folder_in": str(BROKER_DIR / "messages"),
        "data_folder_out": str(BROKER_DIR / "messages"),
        "processed_folder": str(BROKER_DIR / "processed"),
        "control_folder": str(BROKER_DIR / "control"),
        "store_processed": False,
    }
    if CELERY_BROKER_URL.startswith("filesystem")
    else {}
)
CELERY_TASK_DEFAULT_QUEUE = env_str("CELERY_TASK_DEFAULT_QUEUE", "icc")
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_TIME_LIMIT = 240  # below OUTBOX_LEASE: a claim outlives any task
CELERY_TASK_SOFT_TIME_LIMIT = 180
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True

# The outbox: a message still pending this many seconds after it was written is handed to a worker again.
OUTBOX_RETRY_AFTER = int(env_str("OUTBOX_RETRY_AFTER", "120"))
# A worker's claim on a message lasts this long; past it the worker is taken for dead (longer than any task runs).
OUTBOX_LEASE = int(env_str("OUTBOX_LEASE", "300"))
CELERY_BEAT_SCHEDULE = {
    "sweep-outbox": {"task": "core.tasks.sweep_outbox", "schedule": float(env_str("OUTBOX_SWEEP_EVERY", "60"))},
    # Events (events/tasks.py): each task records what it did, so a run more or less changes nothing.
    "events-reminders": {
        "task": "events.tasks.send_event_reminders",
        "schedule": float(env_str("EVENTS_EVERY", "3600")),
    },
    "events-closing-notes": {
        "task": "events.tasks.send_registration_closing_notes",
        "schedule": float(env_str("EVENTS_EVERY", "3600")),
    },
    "events-erase-personal-data": {"task": "events.tasks.erase_participants_personal_data", "schedule": 86400.0},
}
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")

# Profiles: a changed profile is rebuilt once it has been quiet this long (ten changes in a minute, one build).
PROFILE_REBUILD_DEBOUNCE = int(env_str("PROFILE_REBUILD_DEBOUNCE", "60"))
CELERY_BEAT_SCHEDULE["rebuild-stale-profiles"] = {
    "task": "profiles.tasks.rebuild_stale_profiles",
    "schedule": float(env_str("PROFILE_REBUILD_EVERY", "60")),
}
# Worker hygiene for PDF builds: children recycled after N tasks or M MB, so a leak or a large build cannot pile up.
CELERY_WORKER_MAX_TASKS_PER_CHILD = int(env_str("CELERY_WORKER_MAX_TASKS_PER_CHILD", "50"))
CELERY_WORKER_MAX_MEMORY_PER_CHILD = int(env_str("CELERY_WORKER_MAX_MEMORY_PER_CHILD", "400000"))  # KiB
CELERY_TASK_REJECT_ON_WORKER_LOST = True

# The exchange's saved searches: due digests (weekly or monthly) are built and queued through the outbox.
CELERY_BEAT_SCHEDULE["exchange-digests"] = {
    "task": "exchange.tasks.send_due_digests",
    "schedule": float(env_str("DIGESTS_EVERY", "3600")),
}
