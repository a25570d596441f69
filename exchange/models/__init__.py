"""The exchange's tables, one module per feature (docs/exchange.md)."""

from .alerts import SavedSearch
from .contact import ContactMessage
from .news import News, NewsStep
from .practices import Adoption, FollowUp, FollowUpStep
from .visits import VisitRequest

__all__ = ["Adoption", "ContactMessage", "FollowUp", "FollowUpStep", "News", "NewsStep", "SavedSearch", "VisitRequest"]
