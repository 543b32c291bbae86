import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django_application = get_wsgi_application()

from pagecache.wsgi import FastPath  # noqa: E402 (needs the settings loaded above)

# Pages served once before are answered from the cache before Django handles the request.
application = FastPath(django_application)
