"""Public messages: channels, entry, import all-or-nothing, yearly counts per channel."""

import io
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from gongkai.core.errors import ApplicationError
from gongkai.interaction.models import PublicMessage
from gongkai.interaction.selectors import ChannelCount, message_counts
from gongkai.interaction.services import channel_create, message_record, messages_import


@pytest.fixture
def hotline(personas):
    return channel_create(organisation=personas.org_a, name="12345热线", actor=personas.admin_a)


def upload(text):
    return io.BytesIO(text.encode("utf-8"))


def test_yearly_counts_per_channel_count_messages_received_in_the_year(personas, hotline):
    mailbox = channel_create(organisation=personas.org_a, name="局长信箱", actor=personas.admin_a)
    for received, replied in [
        (date(2020, 12, 31), date(2021, 1, 4)),
        (date(2021, 1, 1), None),
        (date(2021, 12, 31), date(2022, 1, 5)),
    ]:
        message_record(
            channel=hotline, received_on=received, replied_on=replied, actor=personas.handler_a
        )
    assert message_counts(organisation=personas.org_a, year=2021) == [
        ChannelCount("12345热线", 2, 1),
        ChannelCount("局长信箱", 0, 0),
    ]
    assert mailbox.position == 1


def test_a_reply_before_receipt_is_refused(personas, hotline):
    with pytest.raises(ApplicationError, match="答复日期不能早于收到日期"):
        message_record(
            channel=hotline,
            received_on=date(2021, 5, 2),
            replied_on=date(2021, 5, 1),
            actor=personas.handler_a,
        )


def test_import_is_all_or_nothing_with_row_errors(personas, hotline):
    result = messages_import(
        organisation=personas.org_a,
        filename="m.csv",
        actor=personas.handler_a,
        upload=upload(
            "渠道,编号,标题,收到日期,答复日期\n12345热线,1,路灯,2021-03-01,2021-03-02\n"
            "市长信箱,2,噪音,2021-03-01,\n12345热线,1,重复,2021-03-01,\n12345热线,3,,2021-13-01,\n"
        ),
    )
    assert result.saved == 0
    assert PublicMessage.objects.count() == 0
    assert result.errors == [
        "第 3 行：渠道“市长信箱”不存在，请先在渠道设置中添加",
        "第 4 行：编号“1”已存在或在文件中重复",
        "第 5 行：日期格式应为 YYYY-MM-DD",
    ]


def test_a_valid_import_stores_every_row(personas, hotline):
    result = messages_import(
        organisation=personas.org_a,
        filename="m.csv",
        actor=personas.handler_a,
        upload=upload("渠道,编号,标题,收到日期,答复日期\n12345热线,1,路灯,2021/03/01,2021-03-02\n"),
    )
    assert result.saved == 1
    assert message_counts(organisation=personas.org_a, year=2021)[0].replied == 1


def test_views_are_scoped(personas, hotline):
    url = reverse("interaction:messages", kwargs={"code": "A1"})
    assert personas.client_for(personas.handler_a).get(url).status_code == 200
    assert personas.client_for(personas.supervisor).get(url).status_code == 200
    assert personas.client_for(personas.clerk_b).get(url).status_code == 404
    assert personas.client_for(None).get(url).status_code == 302
    overview = (
        personas.client_for(personas.clerk_b).get(reverse("interaction:channels")).content.decode()
    )
    assert "12345热线" not in overview


def test_supervisor_can_read_but_not_record(personas, hotline):
    client = personas.client_for(personas.supervisor)
    url = reverse("interaction:messages", kwargs={"code": "A1"})
    with pytest.raises(PermissionDenied):
        message_record(
            channel=hotline,
            received_on=date(2021, 1, 1),
            replied_on=None,
            actor=personas.supervisor,
        )
    response = client.post(url, {"channel": hotline.pk, "received_on": "2021-01-01"})
    assert response.status_code == 403
    assert PublicMessage.objects.count() == 0
