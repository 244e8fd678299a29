from django import forms

from gongkai.accounts.models import User
from gongkai.orgs.choices import Role
from gongkai.orgs.models import Organisation
from gongkai.orgs.services import CONTACT_FIELDS


class OrganisationContactForm(forms.ModelForm[Organisation]):
    website = forms.URLField(label="网站", required=False, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = CONTACT_FIELDS


class MembershipGrantForm(forms.Form):
    username = forms.CharField(label="用户名", max_length=150)
    role = forms.ChoiceField(
        label="角色", choices=[c for c in Role.choices if c[0] != Role.SUPERVISOR]
    )

    def clean_username(self) -> User:
        username = self.cleaned_data["username"].strip()
        try:
            return User.objects.get(username=username, is_active=True)
        except User.DoesNotExist:
            raise forms.ValidationError("没有找到该用户，或该用户已停用。") from None
