from django.urls import path

from . import views

app_name = "advisor"
urlpatterns = [
    path("advisor/", views.step, name="wizard"),
    # Before the step pattern: "verdict" and "detect" are reserved step codes (see models.py).
    path("advisor/verdict/", views.verdict_page, name="verdict"),
    path("advisor/detect/", views.detect, name="detect"),
    path("advisor/<slug:code>/", views.step, name="step"),
]
