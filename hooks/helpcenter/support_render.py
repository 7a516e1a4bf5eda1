"""Render the support-channel table and contact boxes as HTML, in one language."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

import jinja2

from .errors import ContentError
from .markers import Marker
from .support_data import COLUMNS, Fact, SupportData


def environment(template_dir: Path) -> jinja2.Environment:
    """Templates live under overrides/hooks/; autoescaping is what keeps data values out of the HTML."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(template_dir),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_table(
    env: jinja2.Environment,
    data: SupportData,
    language: str,
    hrefs: Mapping[str, str],
    channels: list[str] | None = None,
    columns: list[str] | None = None,
) -> str:
    """The comparison table; `hrefs` maps channel id to the URL of its page from the current page."""
    methods = [_method(data, channel) for channel in channels] if channels else list(data.methods)
    for column in columns or []:
        if column not in COLUMNS:
            raise ContentError(f"unknown column '{column}'; known columns: {', '.join(COLUMNS)}")
    html = env.get_template("support-methods.html").render(
        methods=methods,
        columns=columns or list(COLUMNS),
        labels=data.labels,
        lang=language,
        hrefs=hrefs,
    )
    return _html_block(html)


def render_contact(env: jinja2.Environment, data: SupportData, language: str, channel: str) -> str:
    """The contact box for one channel: its verified facts, or where to find the current ones."""
    method = _method(data, channel)
    html = env.get_template("contact.html").render(
        method=method,
        facts=[(fact, fact_href(fact)) for fact in method.contact],
        labels=data.labels,
        lang=language,
    )
    return _html_block(html)


def render_channels(env: jinja2.Environment, data: SupportData, language: str, hrefs: Mapping[str, str]) -> str:
    """One card per channel, linking to its page, with its verified contact facts (the home page's contact block)."""
    html = env.get_template("channels.html").render(
        methods=data.methods,
        facts={method.id: [(fact, fact_href(fact)) for fact in method.contact] for method in data.methods},
        labels=data.labels,
        lang=language,
        hrefs=hrefs,
    )
    return _html_block(html)


def table_from_marker(
    env: jinja2.Environment, data: SupportData, language: str, hrefs: Mapping[str, str], marker: Marker
) -> str:
    _only_options(marker, {"channels", "columns"})
    if marker.words:
        raise ContentError(f"unexpected '{marker.words[0]}'; options are channels=\"...\" and columns=\"...\"")
    return render_table(
        env, data, language, hrefs, _list(marker.options.get("channels")), _list(marker.options.get("columns"))
    )


def contact_from_marker(env: jinja2.Environment, data: SupportData, language: str, marker: Marker) -> str:
    _only_options(marker, set())
    if len(marker.words) != 1:
        raise ContentError(f"name exactly one channel, e.g. <!-- hc:contact email -->; channels: {', '.join(data.ids)}")
    return render_contact(env, data, language, marker.words[0])


def channels_from_marker(
    env: jinja2.Environment, data: SupportData, language: str, hrefs: Mapping[str, str], marker: Marker
) -> str:
    _only_options(marker, set())
    if marker.words:
        raise ContentError(f"unexpected '{marker.words[0]}'; write <!-- hc:channels --> alone")
    return render_channels(env, data, language, hrefs)


def fact_href(fact: Fact) -> str | None:
    if fact.kind == "phone":
        return "tel:" + re.sub(r"[^0-9+]", "", fact.value)
    if fact.kind == "email":
        return "mailto:" + fact.value
    if fact.kind == "url":
        return fact.value
    return None


def _method(data: SupportData, channel: str):
    method = data.method(channel)
    if method is None:
        raise ContentError(f"unknown channel '{channel}'; channels in data/support-methods.yml: {', '.join(data.ids)}")
    return method


def _only_options(marker: Marker, allowed: set[str]) -> None:
    for name in marker.options:
        if name not in allowed:
            known = ", ".join(sorted(allowed)) or "none"
            raise ContentError(f"unknown option '{name}'; options: {known}")


def _list(value: str | None) -> list[str] | None:
    if value is None:
        return None
    items = [item.strip() for item in value.split(",") if item.strip()]
    if not items:
        raise ContentError("an option is empty; list names separated by commas or leave the option out")
    return items


def _html_block(html: str) -> str:
    # A blank line would end Markdown's raw-HTML block and let Markdown rewrite the rest.
    lines = [line.strip() for line in html.splitlines() if line.strip()]
    return "\n" + "\n".join(lines) + "\n"
