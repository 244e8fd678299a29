from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from gongkai.accounts.models import LoginAttempt, User
from gongkai.core.admin import AuditedModelAdmin


@admin.register(User)
class UserAdmin(AuditedModelAdmin, BaseUserAdmin[User]):
    fieldsets = (*(BaseUserAdmin.fieldsets or ()), ("联系信息", {"fields": ("full_name", "phone")}))
    list_display = ("username", "full_name", "email", "is_active", "is_superuser", "last_login")


@admin.register(LoginAttempt)
class LoginAttemptAdmin(admin.ModelAdmin[LoginAttempt]):
    list_display = ("username", "at", "succeeded", "ip")
    list_filter = ("succeeded",)
    search_fields = ("username",)

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
