"""The one API router: each app registers its viewsets here, under /api/v1/."""

from rest_framework.routers import DefaultRouter

router = DefaultRouter()
router.include_root_view = True
