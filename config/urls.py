from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView

from advisor import api as advisor_api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain")),
    path("api/v1/verdict", advisor_api.verdict, name="api-verdict"),
]
urlpatterns += i18n_patterns(
    path("", include("comparison.urls")),
    path("", include("advisor.urls")),
    prefix_default_language=True,
)

handler400 = "config.errors.bad_request"
handler403 = "config.errors.permission_denied"
handler404 = "config.errors.page_not_found"
