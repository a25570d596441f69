from celery import shared_task

from . import services


@shared_task
def rebuild_stale_profiles() -> int:
    """Run by the beat: rebuilds, once, the profiles whose data changed."""
    return services.profiles_rebuild_stale()
