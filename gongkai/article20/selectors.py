"""Reading Article 20 statistics, scoped to what the user may see."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet

from gongkai.article20.models import Article20Return
from gongkai.orgs.models import Organisation
from gongkai.orgs.selectors import scope_queryset

if TYPE_CHECKING:
    from gongkai.accounts.models import User


def article20_returns_for_user(*, user: User) -> QuerySet[Article20Return]:
    return scope_queryset(
        Article20Return.objects.select_related("organisation", "updated_by"), user=user
    )


def article20_figures(*, organisation: Organisation, year: int) -> Article20Return | None:
    """The year's figures for the annual report's table 二 (None when nothing was entered)."""
    return Article20Return.objects.filter(organisation=organisation, year=year).first()
