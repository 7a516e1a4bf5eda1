"""The build benchmark's own logic: the corpus, the plain configuration and the arithmetic."""

from __future__ import annotations

import random
import time

import benchcorpus
import benchprojects
import pytest
from benchtiming import EventClock, growth_exponent

from tests.conftest import ROOT


@pytest.mark.parametrize("exponent", [1.0, 1.5, 2.0])
def test_growth_exponent_recovers_the_power_law(exponent):
    sizes = [100, 300, 1000]
    assert growth_exponent(sizes, [0.01 * size ** exponent for size in sizes]) == pytest.approx(exponent)


def test_nested_calls_are_not_charged_to_the_call_around_them():
    clock = EventClock()
    inner = clock.wrap(lambda: time.sleep(0.05), "inner")
    outer = clock.wrap(lambda: inner(), "outer")
    outer()
    assert clock.totals["inner"] >= 0.05
    assert clock.totals["outer"] < 0.02


def test_processor_time_is_charged_to_the_call_that_computed_and_to_its_event():
    # The gate's cold share is read from processor time: a call waiting (sleeping, or descheduled on
    # a busy machine) costs it nothing, one computing is charged, the call around it is not.
    clock = EventClock()

    def compute() -> None:
        end = time.process_time() + 0.05
        while time.process_time() < end:
            pass

    inner = clock.wrap(compute, "inner", "on_post_page")
    outer = clock.wrap(lambda: (inner(), time.sleep(0.05)), "outer")
    outer()
    assert clock.cpu["inner"] >= 0.05 and clock.events["inner on_post_page"] == clock.cpu["inner"]
    assert clock.cpu["outer"] < 0.02 and clock.totals["outer"] >= 0.05


def test_the_corpus_is_the_same_every_run_and_reads_like_our_pages():
    pools = benchcorpus.read_pools(ROOT / "docs", "ko")
    first = benchcorpus.article(pools, "ko", 7, 50, random.Random("seed"))
    assert first == benchcorpus.article(pools, "ko", 7, 50, random.Random("seed"))
    assert first.startswith("---\ntitle: ") and "\n## " in first and '??? question "' in first and "|---|" in first
    assert sum("가" <= ch <= "힣" for ch in first) > 500


def test_every_fifth_article_carries_a_data_marker():
    pools = benchcorpus.read_pools(ROOT / "docs", "en")
    markers = [n for n in range(1, 21) if "<!-- hc:" in benchcorpus.article(pools, "en", n, 20, random.Random(n))]
    assert markers == [5, 10, 15, 20]


def test_plain_config_keeps_the_theme_and_markdown_but_no_plugin_hook_or_override():
    kept = benchprojects.blocks((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "pymdownx.details" in kept["markdown_extensions"] and "navigation.tabs" in kept["theme"]
    assert "hooks/" in kept["hooks"] and "hooks/" not in "".join(kept[key] for key in benchprojects.PLAIN_KEEPS)
    assert "custom_dir" not in benchprojects.PLAIN_DROPS.sub("", kept["theme"])


def test_nav_groups_articles_and_names_every_group_in_english():
    lines = benchcorpus.nav(300)
    groups = [line for line in lines if line.strip().endswith(":")]
    assert len(groups) == 1 + 2 + 12  # the section, two topics of ten groups at most, twelve groups of 25
    assert set(benchcorpus.nav_translations(300)) == {line.strip(" -:") for line in groups}
