"""Admin permission policies shared by the apps' viewsets."""

from wagtail.permission_policies import ModelPermissionPolicy


class AllowedActionsPolicy(ModelPermissionPolicy):
    """Django's model permissions, but only for the actions listed: records that are written by
    the site itself (requests, access logs, review records) are never added or edited in the admin."""

    def __init__(self, model, actions, **kwargs):
        super().__init__(model, **kwargs)
        self.actions = set(actions)

    def user_has_permission(self, user, action):
        return action in self.actions and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)
