import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The clinic's real content, loaded once for the whole run; each test rolls back its changes."""
    with django_db_blocker.unblock():
        call_command("load_clinic_content", verbosity=0)
