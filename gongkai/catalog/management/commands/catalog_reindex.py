"""Rebuild the search index of every published item (after a jieba or dictionary upgrade, or
to repair it). Idempotent: each batch replaces its items' index rows in one transaction."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from gongkai.catalog import search
from gongkai.catalog.choices import ItemStatus
from gongkai.catalog.models import Item, SearchEntry


class Command(BaseCommand):
    help = "重建主动公开信息的全文检索索引。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch", type=int, default=1000, help="每批处理的信息条数")
        parser.add_argument("--dry-run", action="store_true", help="只统计，不写入")

    def handle(self, *args: Any, **options: Any) -> None:
        published = Item.objects.filter(status=ItemStatus.PUBLISHED).order_by("pk")
        total = published.count()
        if options["dry_run"]:
            self.stdout.write(f"将重建 {total} 条信息的索引。")
            return
        with transaction.atomic():  # rows of items no longer published
            SearchEntry.objects.exclude(item__status=ItemStatus.PUBLISHED).delete()
        last, done = 0, 0
        while True:
            batch = list(
                published.filter(pk__gt=last).select_related("category__parent")[: options["batch"]]
            )
            if not batch:
                break
            with transaction.atomic():
                SearchEntry.objects.filter(item__in=batch).delete()
                SearchEntry.objects.bulk_create(search.entries_for(batch))
            last, done = batch[-1].pk, done + len(batch)
        self.stdout.write(f"已重建 {done} 条信息的索引。")
