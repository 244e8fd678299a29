from django.db import models


class Source(models.TextChoices):
    ENTERED = "entered", "人工录入"
    IMPORTED = "imported", "文件导入"
