"""Article 20 statistics: entry with conflict detection, import all-or-nothing, scoping."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import Workbook

from gongkai.article20.models import Article20Return
from gongkai.article20.selectors import article20_figures
from gongkai.article20.services import Figures, article20_import, article20_save
from gongkai.audit.models import AuditEntry
from gongkai.core.errors import ApplicationError, ConflictError

FIG = Figures(licensing=5297, penalty=1792, coercion=0, fee_wan_yuan=Decimal("12372.0506"))


def csv_upload(text):
    return io.BytesIO(text.encode("utf-8"))


def test_a_handler_enters_the_years_figures_and_it_is_audited(personas):
    record = article20_save(
        organisation=personas.org_a, year=2021, figures=FIG, actor=personas.handler_a
    )
    assert article20_figures(organisation=personas.org_a, year=2021).fee_wan_yuan == Decimal(
        "12372.0506"
    )
    assert record.version == 1
    assert AuditEntry.objects.filter(action="article20.save", object_id=str(record.pk)).exists()


@pytest.mark.parametrize("persona", ["reviewer_a", "leader_a", "clerk_b", "supervisor", "outsider"])
def test_other_roles_and_organisations_cannot_enter_figures(personas, persona):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        article20_save(
            organisation=personas.org_a, year=2021, figures=FIG, actor=getattr(personas, persona)
        )


def test_a_stale_form_is_refused_and_the_newer_figures_survive(personas):
    article20_save(organisation=personas.org_a, year=2021, figures=FIG, actor=personas.handler_a)
    newer = Figures(licensing=1, penalty=1, coercion=1, fee_wan_yuan=Decimal("1"))
    article20_save(
        organisation=personas.org_a,
        year=2021,
        figures=newer,
        actor=personas.admin_a,
        expected_version=1,
    )
    with pytest.raises(ConflictError):
        article20_save(
            organisation=personas.org_a,
            year=2021,
            figures=FIG,
            actor=personas.handler_a,
            expected_version=1,
        )
    assert article20_figures(organisation=personas.org_a, year=2021).licensing == 1


def test_import_stores_every_valid_row(personas):
    upload = csv_upload(
        '机关代码,年度,行政许可,行政处罚,行政强制,行政事业性收费（万元）\nA1,2021,"5,297",1792,0,12372.0506\n'
    )
    result = article20_import(upload=upload, filename="a.csv", actor=personas.admin_a)
    assert result.errors == []
    record = Article20Return.objects.get(organisation=personas.org_a, year=2021)
    assert (record.licensing, record.source, record.source_file) == (5297, "imported", "a.csv")


def test_import_with_one_bad_row_stores_nothing_and_names_each_problem(personas):
    upload = csv_upload(
        "机关代码,年度,行政许可,行政处罚,行政强制,行政事业性收费（万元）\n"
        "A1,2021,10,0,0,1.5\n"
        "A1,2022,-3,0,0,1.23456\n"
        "B1,2021,1,1,1,1\n"
        "ZZ,2021,1,1,1,1\n"
        "A1,2021,1,1,1,1\n"
    )
    result = article20_import(upload=upload, filename="bad.csv", actor=personas.admin_a)
    assert result.saved == 0
    assert Article20Return.objects.count() == 0
    text = "\n".join(result.errors)
    assert "第 3 行：行政许可应为非负整数；行政事业性收费最多保留 4 位小数" in text
    assert "第 4 行：您无权填报“测试市乙局”的统计" in text
    assert "第 5 行：机关代码“ZZ”不存在" in text
    assert "第 6 行：与前面的行重复" in text


def test_import_reads_xlsx_too(personas):
    book = Workbook()
    sheet = book.active
    sheet.append(["机关代码", "年度", "行政许可", "行政处罚", "行政强制", "行政事业性收费（万元）"])
    sheet.append(["A1", 2022, 7, 8, 9, 0.5])
    data = io.BytesIO()
    book.save(data)
    data.seek(0)
    assert article20_import(upload=data, filename="a.xlsx", actor=personas.admin_a).saved == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "文件为空"),
        (b"PK\x03\x04garbage", "XLSX 文件无法读取"),
        ("名称,数量\n甲,1\n".encode(), "缺少列“机关代码”"),
        (b"\xff\xfe\x00\x00\x81", "无法识别文件编码"),
    ],
)
def test_malformed_files_get_a_clear_error(personas, content, message):
    with pytest.raises(ApplicationError, match=message):
        article20_import(upload=io.BytesIO(content), filename="x.csv", actor=personas.admin_a)


def test_pages_are_scoped_per_organisation(personas):
    article20_save(organisation=personas.org_b, year=2021, figures=FIG, actor=personas.clerk_b)
    page = personas.client_for(personas.handler_a).get(reverse("article20:list")).content.decode()
    assert "测试市乙局" not in page
    url = reverse("article20:edit", kwargs={"code": "B1", "year": 2021})
    assert personas.client_for(personas.handler_a).get(url).status_code == 404
    assert personas.client_for(personas.supervisor).get(url).status_code == 403
    assert personas.client_for(personas.clerk_b).get(url).status_code == 200
    assert personas.client_for(None).get(url).status_code == 302


def test_the_edit_form_saves_and_refuses_a_stale_version(personas):
    client = personas.client_for(personas.handler_a)
    url = reverse("article20:edit", kwargs={"code": "A1", "year": 2021})
    data = {"licensing": 1, "penalty": 2, "coercion": 3, "fee_wan_yuan": "4.5", "version": ""}
    assert client.post(url, data).status_code == 302
    article20_save(organisation=personas.org_a, year=2021, figures=FIG, actor=personas.admin_a)
    response = client.post(url, {**data, "version": 1})
    assert "已被他人修改" in response.content.decode()
    assert article20_figures(organisation=personas.org_a, year=2021).licensing == 5297
