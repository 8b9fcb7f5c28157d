"""Who may make a policy version public: only the 개인정보 관리자 group (and superusers)."""

from wagtail.models import PagePermissionTester


def is_privacy_manager(user):
    from .access import PRIVACY_MANAGERS

    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name=PRIVACY_MANAGERS).exists()


class PolicyPermissionTester(PagePermissionTester):
    """Page permissions as usual, except that publishing, unpublishing and deleting a policy
    also need membership of 개인정보 관리자; other editors submit their drafts for approval."""

    def can_publish(self):
        return super().can_publish() and is_privacy_manager(self.user)

    def can_unpublish(self):
        return super().can_unpublish() and is_privacy_manager(self.user)

    def can_delete(self, ignore_bulk=False):
        return super().can_delete(ignore_bulk=ignore_bulk) and is_privacy_manager(self.user)
