"""Which channels and related articles end an article, chosen from data/topics.yml and front matter."""

from __future__ import annotations

import pytest
from helpcenter import topics
from helpcenter.errors import ContentError

from tests.conftest import ROOT

SCHEMA = ROOT / "data" / "topics.schema.json"
DATA = """default: support
topics:
  - {id: payment, channels: [phone, email], note: {ko: 결제, en: Payment}}
  - {id: support, channels: [help-center], note: {ko: 지원, en: Support}}
  - {id: security, channels: [phone], note: {ko: 보안, en: Security}}
"""
CHANNELS = ["help-center", "email", "phone"]


def load(tmp_path, text: str = DATA) -> topics.Topics:
    path = tmp_path / "topics.yml"
    path.write_text(text, encoding="utf-8")
    return topics.load_topics(path, SCHEMA, "data/topics.yml", ["ko", "en"], CHANNELS)


def test_front_matter_topic_wins_then_the_folder_then_the_default(tmp_path):
    data = load(tmp_path)
    assert topics.topic_of(data, "payment/errors.md", "security").id == "security"
    assert topics.topic_of(data, "payment/errors.md", None).id == "payment"
    assert topics.topic_of(data, "watch/playback.md", None).id == "support"
    assert topics.topic_of(data, "faq.md", None).id == "support"


def test_an_unknown_topic_lists_the_known_ones(tmp_path):
    with pytest.raises(ContentError, match="unknown topic 'billing'; topics in data/topics.yml: payment, support, security"):
        topics.topic_of(load(tmp_path), "payment/errors.md", "billing")


def test_an_unknown_channel_names_the_line(tmp_path):
    with pytest.raises(ContentError, match=r"data/topics\.yml:3: topics\[0\] \(payment\): unknown channel 'chat'"):
        load(tmp_path, DATA.replace("[phone, email]", "[phone, chat]"))


def test_the_default_topic_must_exist(tmp_path):
    with pytest.raises(ContentError, match="default topic 'general' is not one of the topics"):
        load(tmp_path, DATA.replace("default: support", "default: general"))


PAGES = ["index.md", "faq.md", "payment/index.md", "payment/errors.md", "payment/methods.md", "payment/a.md",
         "payment/b.md", "payment/c.md", "account/sign-in.md"]


def test_declared_related_articles_are_kept_in_their_order():
    assert topics.related_paths("payment/errors.md", ["account/sign-in.md", "faq.md"], PAGES) == ["account/sign-in.md", "faq.md"]


def test_without_a_declaration_related_articles_are_the_folders_others_at_most_four_index_last():
    assert topics.related_paths("payment/errors.md", None, PAGES) == ["payment/methods.md", "payment/a.md", "payment/b.md", "payment/c.md"]
    assert topics.related_paths("payment/c.md", None, PAGES[:6] + ["payment/c.md"])[-1] == "payment/index.md"
    assert "index.md" not in topics.related_paths("faq.md", None, PAGES)


def test_a_related_page_that_does_not_exist_is_named():
    (message,) = topics.missing_related(["payment/errors.md", "payment/nope.md"], lambda p: p in PAGES)
    assert "related page 'payment/nope.md' does not exist" in message
