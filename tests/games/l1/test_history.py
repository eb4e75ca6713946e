"""Tests for history: model and Pilot."""

from __future__ import annotations

from nntui.games.l1.history_model import Timeline

SIZE = (80, 24)


def test_timeline_moves_and_names_two_winters():
    line = Timeline()
    assert line.current.year == "1943"
    line.move(-1)
    assert line.index == 0
    years = [line.move(1).year for _ in range(10)]
    assert years[-1] == "2012" and line.seen_all
    # exactly two winters, and each is followed by the event that ended it
    winters = [i for i, e in enumerate(line.events) if e.mood == "winter"]
    assert [line.events[i].year for i in winters] == ["1970s", "1990s–2000s"]
    assert [line.events[i + 1].year for i in winters] == ["1986", "2012"]
    assert all(line.events[i + 1].mood == "spring" for i in winters)


async def test_history_winters_timeline_and_the_card_in_view_while_the_text_scrolls(opened):
    async with opened("l1.history") as (app, pilot, v):
        # exactly two winters are marked
        assert str(v.query_one("#hi-axis").render()).count("❄") == 2
        text = v.query_one("LessonText").source
        assert "that factor is at most 0.25" in text and "usually fades" in text  # the live peak

        # the card stays in view while the text scrolls
        card = v.query_one("#hi-card")
        top = card.region
        await pilot.press("pagedown", "pagedown")
        await pilot.pause()
        assert v.query_one("ReadingPane").scroll_y > 0 and v.scroll_y == 0
        await pilot.press("right")  # moving along the timeline after scrolling the text …
        await pilot.pause()
        assert card.region == top and top.y < app.size.height - 2  # … changes a card in view
        assert "1957" in str(card.render())

        # the timeline moves and completes when all is seen
        await pilot.press("right")
        assert v.timeline.current.year == "1969"
        assert "▼ setback" in str(v.query_one("#hi-card").render())
        assert "l1.history" not in app.store.completed_sections()
        await pilot.press(*["right"] * 6)
        assert v.timeline.current.year == "2012"
        assert "2012" in str(v.query_one("#hi-card").render())
        assert "l1.history" in app.store.completed_sections()
