from django.urls import path

from . import views

app_name = "comparison"
urlpatterns = [
    path("", views.home, name="home"),
    path("compare/", views.compare, name="compare"),
    path("sources/", views.sources, name="sources"),
]
