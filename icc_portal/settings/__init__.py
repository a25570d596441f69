"""Settings, split by purpose. Every behaviour is switched by environment variables (see README)."""

from .api import *  # noqa: F401,F403
from .backup import *  # noqa: F401,F403
from .base import *  # noqa: F401,F403
from .cache import *  # noqa: F401,F403
from .celery import *  # noqa: F401,F403
from .database import *  # noqa: F401,F403
from .email import *  # noqa: F401,F403
from .events import *  # noqa: F401,F403
from .i18n import *  # noqa: F401,F403
from .security import *  # noqa: F401,F403
from .storage import *  # noqa: F401,F403
