from django.urls import path

from advisor import api as advisor_api

from . import views

urlpatterns = [
    path("verdict", advisor_api.verdict_json, name="api-verdict"),
    path("comparison", views.comparison, name="api-comparison"),
    path("openapi.json", views.document, name="api-openapi"),
]
