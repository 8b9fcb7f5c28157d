from django.urls import path

from . import views

urlpatterns = [
    path("submit/", views.submit, name="consultation_submit"),
    path("token/", views.token, name="consultation_token"),
]
