"""gunicorn's settings for every way the site is served (`make run`, `make cluster`, production).

Environment: WEB_CONCURRENCY (worker processes; 2 per core is a good start), GUNICORN_TIMEOUT,
ACCESS_LOG (a file, "-" for standard output, "" for none), WARM_VERDICTS (made-up verdict pages
whose parts are rendered before the workers start; 0 for none). The address comes from `--bind`.
"""

import gc
import os
from typing import Any

workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# A worker stuck this long is killed and replaced; no page takes more than a fraction of a second.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
# Recycle workers now and then, at different times, so a slow leak never grows and never takes
# every worker away at once. Not too often: a new worker starts with none of the parts of pages
# its predecessor kept (advisor/pieces.py), and at full load a worker serves 5,000 requests in
# under ten seconds.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "50000"))
max_requests_jitter = max_requests // 10
accesslog = os.environ.get("ACCESS_LOG", "-") or None
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "warning")
# Behind a proxy on this machine or another: trust its X-Forwarded-* only from where it is.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# The app is imported once, before the workers are forked: a worker started by the recycling above
# serves at once instead of spending a second importing Django while its peers take the load.
preload_app = True


def when_ready(server: Any) -> None:
    # Before the first worker is forked: the parts most verdict pages share are rendered once here
    # and every worker starts with them (advisor/pieces.py, `warm`); WARM_VERDICTS=0 skips it.
    from django.apps import apps

    count = int(os.environ.get("WARM_VERDICTS", "500"))
    if count and apps.ready:  # the site, not `make bench`'s bare WSGI app
        from django.db import connections

        from advisor.pieces import warm

        try:
            warm(count)
        except Exception:  # no database yet, say: the workers render the parts themselves
            server.log.warning("Verdict pages not warmed", exc_info=True)
        finally:
            connections.close_all()  # a forked worker must open its own
    # Everything made so far lives as long as the process: leave it out of garbage collection,
    # so collections in the workers stay short and the workers keep sharing those pages of memory.
    gc.freeze()
