"""Demo: 辉县市人民政府's 2021 Article 20 statistics as printed in the seed report's table 二."""

from decimal import Decimal

from gongkai.article20.models import Article20Return
from gongkai.orgs.models import Organisation

SEED_2021 = {
    "licensing": 5297,
    "penalty": 1792,
    "coercion": 0,
    "fee_wan_yuan": Decimal("12372.0506"),
}


def load() -> str:
    government = Organisation.objects.get(code="410782")
    _, created = Article20Return.objects.get_or_create(
        organisation=government, year=2021, defaults={**SEED_2021, "source_file": "演示数据"}
    )
    return "2021 年第二十条统计已载入" if created else "第二十条统计已存在"
