"""The rendered table and contact box: accessible, escaped, in the page's language."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from bs4 import BeautifulSoup
from helpcenter.errors import ContentError
from helpcenter.markers import Marker
from helpcenter.support_data import COLUMNS, Fact, load_support_data
from helpcenter.support_render import (
    channels_from_marker,
    contact_from_marker,
    environment,
    render_channels,
    render_contact,
    render_table,
    table_from_marker,
)

from tests.conftest import ROOT

DATA = load_support_data(ROOT / "tests/fixtures/support-methods.yml", ROOT / "data/support-methods.schema.json", "data", ["ko", "en"])
ENV = environment(ROOT / "overrides" / "hooks")
HREFS = {m.id: f"../{m.id}/" for m in DATA.methods}


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_table_has_caption_headers_and_a_linked_row_per_channel(lang):
    table = soup(render_table(ENV, DATA, lang, HREFS)).table
    assert table.caption.get_text(strip=True) == DATA.labels["caption"][lang]
    headers = [th.get_text(strip=True) for th in table.thead.find_all("th", scope="col")]
    assert headers == [DATA.labels["channel"][lang]] + [DATA.labels[c][lang] for c in COLUMNS]
    rows = table.tbody.find_all("tr")
    assert [r.th.get_text(strip=True) for r in rows] == [m.name[lang] for m in DATA.methods]
    assert [r.th.a["href"] for r in rows] == [HREFS[m.id] for m in DATA.methods]


def test_table_shows_only_the_chosen_channels_and_columns():
    marker = Marker("support-methods", 1, "", options={"channels": "phone,email", "columns": "response"})
    table = soup(table_from_marker(ENV, DATA, "en", HREFS, marker)).table
    assert [r.th.get_text(strip=True) for r in table.tbody.find_all("tr")] == ["Phone support", "Email support"]
    assert [td["data-label"] for td in table.tbody.tr.find_all("td")] == ["Response"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"channels": "fax"}, "unknown channel 'fax'; channels in data/support-methods.yml: help-center, email, phone"),
        ({"columns": "price"}, "unknown column 'price'; known columns: best_for"),
        ({"colour": "red"}, "unknown option 'colour'; options: channels, columns"),
        ({"channels": " , "}, "an option is empty"),
    ],
)
def test_bad_table_options_fail_with_the_known_values(options, message):
    with pytest.raises(ContentError, match=message.replace("(", r"\(")):
        table_from_marker(ENV, DATA, "ko", HREFS, Marker("support-methods", 1, "", options=options))


def test_output_has_no_blank_line_so_markdown_keeps_it_raw():
    assert "\n\n" not in render_table(ENV, DATA, "ko", HREFS).strip()


def test_hostile_values_are_escaped():
    hostile = dataclasses.replace(DATA.methods[0], name={"ko": '"><img src=x onerror=alert(1)>', "en": "x"})
    data = dataclasses.replace(DATA, methods=(hostile,))
    html = render_table(ENV, data, "ko", {hostile.id: "x/"})
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_contact_without_verified_facts_says_where_to_find_them():
    box = soup(render_contact(ENV, DATA, "ko", "phone"))
    assert DATA.method("phone").where_to_find["ko"] in box.get_text()
    assert box.find("a") is None


def test_verified_fact_is_linked_with_its_date_and_source():
    fact = Fact("phone", "1234-5678", "https://example.test/help", date(2026, 11, 1))
    phone = dataclasses.replace(DATA.method("phone"), contact=(fact,))
    data = dataclasses.replace(DATA, methods=(phone,))
    box = soup(render_contact(ENV, data, "en", "phone"))
    assert box.find("a", href="tel:12345678").get_text() == "1234-5678"
    assert "Checked on 2026-11-01" in box.get_text()
    assert box.find("a", href="https://example.test/help")


def test_contact_marker_needs_exactly_one_known_channel():
    with pytest.raises(ContentError, match="name exactly one channel"):
        contact_from_marker(ENV, DATA, "ko", Marker("contact", 1, ""))
    with pytest.raises(ContentError, match="unknown channel 'fax'"):
        contact_from_marker(ENV, DATA, "ko", Marker("contact", 1, "", words=("fax",)))


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_channel_cards_link_every_channel_with_its_verified_facts_and_nothing_else(lang):
    fact = Fact("email", "help@example.com", "https://example.test/help", date(2026, 11, 1))
    data = dataclasses.replace(DATA, methods=tuple(dataclasses.replace(m, contact=(fact,)) if m.id == "email" else m for m in DATA.methods))
    cards = soup(render_channels(ENV, data, lang, HREFS)).select("ul.hc-channels > li")
    assert [card["data-channel"] for card in cards] == [m.id for m in DATA.methods]
    assert [card.select_one(".hc-channel__name a")["href"] for card in cards] == [HREFS[m.id] for m in DATA.methods]
    facts = {card["data-channel"]: [a["href"] for a in card.select(".hc-channel__fact a")] for card in cards}
    assert facts == {m.id: (["mailto:help@example.com"] if m.id == "email" else []) for m in DATA.methods}


def test_channels_marker_takes_no_arguments():
    with pytest.raises(ContentError, match="hc:channels"):
        channels_from_marker(ENV, DATA, "ko", HREFS, Marker("channels", 1, "", words=("email",)))
