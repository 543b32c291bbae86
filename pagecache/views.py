"""`/healthz`: can this instance serve? For load balancers and monitors."""

from __future__ import annotations

import logging
import uuid

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from . import version

logger = logging.getLogger(__name__)


def _database() -> bool:
    try:
        version.current()
    except Exception:
        logger.warning("Health check: database unreachable", exc_info=True)
        return False
    return True


def _cache() -> bool:
    probe = f"healthz:{uuid.uuid4().hex}"
    try:
        cache = caches[settings.PAGECACHE_ALIAS]
        cache.set(probe, 1, 10)
        return cache.get(probe) == 1
    except Exception:
        logger.warning("Health check: cache unreachable", exc_info=True)
        return False


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    checks = {"database": _database(), "cache": _cache()}
    body = {name: "ok" if good else "unreachable" for name, good in checks.items()}
    return JsonResponse(body, status=200 if all(checks.values()) else 503)
