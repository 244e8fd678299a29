"""Demo: 辉县市人民政府's 2021 public messages per channel, as counted in the seed's section 一."""

from datetime import date, timedelta

from gongkai.interaction.models import MessageChannel, PublicMessage
from gongkai.orgs.models import Organisation

SEED_2021 = [
    ("12345市长热线", 14287),
    ("中国政府网网民留言", 28),
    ("人民网新乡市长留言", 17),
    ("新乡市长信箱", 104),
    ("辉县市长信箱", 549),
]


def load() -> str:
    government = Organisation.objects.get(code="410782")
    created = 0
    for position, (name, count) in enumerate(SEED_2021):
        channel, _ = MessageChannel.objects.get_or_create(
            organisation=government, name=name, defaults={"position": position}
        )
        if channel.messages.exists():
            continue
        PublicMessage.objects.bulk_create(
            [_message(channel, government, n) for n in range(count)], batch_size=2000
        )
        created += count
    return f"{created} 条 2021 年政民互动留言已载入" if created else "政民互动留言已存在"


def _message(channel: MessageChannel, organisation: Organisation, n: int) -> PublicMessage:
    received = date(2021, 1, 1) + timedelta(days=n * 7 % 365)
    replied = min(received + timedelta(days=3 + n % 5), date(2021, 12, 31))
    return PublicMessage(
        channel=channel,
        organisation=organisation,
        reference=f"2021-{channel.position}-{n + 1:05d}",
        received_on=received,
        replied_on=replied,
    )
