class GoodPracticeWriteMixin:
    """The write side of `good-practices/` (create, partial update, submit, review actions)."""
