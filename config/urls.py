from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView

from config.sitemaps import favicon, sitemap_xml
from pagecache.views import healthz

urlpatterns = [
    path("admin/", admin.site.urls),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain")),
    path("sitemap.xml", sitemap_xml, name="sitemap"),
    path("favicon.ico", favicon, name="favicon"),
    path("healthz", healthz, name="healthz"),
    path("api/v1/", include("api.urls")),
]
urlpatterns += i18n_patterns(
    path("", include("comparison.urls")),
    path("", include("advisor.urls")),
    prefix_default_language=True,
)
