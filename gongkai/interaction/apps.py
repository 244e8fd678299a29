from django.apps import AppConfig


class InteractionConfig(AppConfig):
    name = "gongkai.interaction"
    verbose_name = "政民互动"
    staff_nav: list[tuple[str, str]] = [("政民互动", "interaction:channels")]
