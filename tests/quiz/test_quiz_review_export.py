"""Spaced review (fsrs ordering, due count on home, the review screen), the progress screen,
and the export / stats commands."""

from __future__ import annotations

import csv
import io
import json
import uuid
from datetime import datetime, timedelta, timezone

from textual.widgets import OptionList, Static

from nntui.cli import main
from nntui.export import CSV_COLUMNS
from nntui.quiz import bank, review
from nntui.quiz.records import record_outcome
from nntui.quiz.session import Outcome
from nntui.store import Store

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=timezone.utc)


def test_wrong_answer_is_due_before_a_right_one_and_slow_right_is_hard(data_dir):
    questions = bank.bank()
    with Store.open(data_dir, "ana") as store:
        review.review(store, questions["l1.xor-gate"], True, 3.0, NOW)
        review.review(store, questions["l2.zero-init"], False, 3.0, NOW)
        review.review(store, questions["l3.adam"], True, 200.0, NOW)
        assert review.rating(questions["l3.adam"], True, 200.0).name == "Hard"
        assert store.due_cards(NOW) == []
        soon = store.due_cards(NOW + timedelta(minutes=2))
        assert soon == ["l2.zero-init"]
        later = store.due_cards(NOW + timedelta(days=30))
        assert later[0] == "l2.zero-init" and set(later) == {"l1.xor-gate", "l2.zero-init",
                                                            "l3.adam"}


async def test_home_shows_due_count_and_review_serves_due_questions(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        questions = bank.bank()
        past = datetime.now(timezone.utc) - timedelta(hours=1)
        for qid in ("l1.xor-gate", "l2.zero-init"):
            record_outcome(app.store, "l1.checkpoint",
                           Outcome(questions[qid], False, "?", 2.0, True), now=past)
        app.screen.refresh_map()
        options = app.screen.query_one(OptionList)
        texts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("2 questions due for review" in t for t in texts)
        await pilot.press("r")
        await pilot.pause()
        from nntui.screens.review import ReviewScreen
        from nntui.widgets.quiz_card import QuizCard

        assert isinstance(app.screen, ReviewScreen)
        card = app.screen.query_one(QuizCard)
        assert {x.id for x in card.session.questions} == {"l1.xor-gate", "l2.zero-init"}
        for _ in range(2):
            await pilot.press(str(card.question.answer + 1), "enter")  # choose, answer
            await pilot.press("enter")
        answers = app.store.answers(section_id="review")
        assert [a.correct for a in answers] == [True, True]
        assert all(not a.first_try for a in answers)
        assert app.store.due_cards() == []  # both moved into the future
        # nothing is due now, so there is no second round to offer
        assert "Nothing else is due" in str(card.query_one("#quiz-feedback", Static).render())
        assert not card.check_action("retake", ())
        await pilot.press("r")
        assert card.session.finished
        await pilot.press("escape")
        await pilot.pause()
        assert "0 questions due" in str(app.screen.query_one(OptionList).get_option_at_index(
            app.screen.query_one(OptionList).option_count - 1).prompt)


def test_one_source_for_the_due_count(data_dir):
    """Home and review ask the same function; a card whose question left the bank is neither
    counted nor served."""
    questions = bank.bank()
    with Store.open(data_dir, "ana") as store:
        review.review(store, questions["l2.zero-init"], False, 3.0, NOW)
        review.review(store, questions["l1.xor-gate"], True, 3.0, NOW)
        store.save_card("l9.retired", store.load_cards()["l2.zero-init"], NOW)
        for minutes in (0, 2, 60 * 24 * 30):
            when = NOW + timedelta(minutes=minutes)
            assert review.due_count(store, when) == len(review.due_questions(store, when))
        assert review.due_count(store, NOW + timedelta(minutes=2)) == 1


async def test_home_refreshes_its_due_count_and_review_offers_another_round_once_due(make_app):
    """A card missed a minute ago falls due while home is on screen: home's periodic refresh
    (``refresh_due``) shows it before ``r`` serves it. Missed again in review, it is offered
    for another round once it is due again."""
    from nntui.screens.home import HomeScreen
    from nntui.widgets.quiz_card import QuizCard

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        q = bank.bank()["l2.zero-init"]
        record_outcome(app.store, "l2.checkpoint", Outcome(q, False, "?", 2.0, True))
        home = app.screen
        home.refresh_map()
        assert "0 reviews due" in str(home.query_one("#status", Static).render())
        app.store.save_card(q.id, app.store.load_cards()[q.id],
                            datetime.now(timezone.utc) - timedelta(seconds=1))  # time passes
        home.refresh_due()
        assert isinstance(home, HomeScreen) and home.due_interval is not None
        assert "1 review due" in str(home.query_one("#status", Static).render())
        await pilot.press("r")
        await pilot.pause()
        card = app.screen.query_one(QuizCard)
        assert [x.id for x in card.session.questions] == [q.id]

        await pilot.press(str((card.question.answer + 1) % len(q.options) + 1), "enter", "enter")
        assert card.session.finished and app.store.due_cards() == []
        # once the relearning step has passed, the missed question is due again
        past = datetime.now(timezone.utc) - timedelta(hours=1)
        app.store.save_card(q.id, app.store.load_cards()[q.id], past)
        app.screen.post_message(QuizCard.Finished(card, card.session))
        await pilot.pause()
        assert "r: review the 1 question due now" in str(
            card.query_one("#quiz-feedback", Static).render())
        await pilot.press("r")
        assert [x.id for x in card.session.questions] == [q.id]


async def test_progress_screen_shows_scores_history_mastery_and_a_readable_chart(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        store = app.store
        store.record_attempt("l1.checkpoint", 6, 10, False)
        store.record_attempt("l1.checkpoint", 9, 10, True)
        q = bank.bank()["l1.xor-gate"]
        record_outcome(store, "l1.checkpoint", Outcome(q, True, "XOR", 2.0, True))
        await pilot.press("p")
        await pilot.pause()
        from nntui.screens.progress import ProgressScreen

        screen = app.screen
        assert isinstance(screen, ProgressScreen)
        scores = str(screen.query_one("#scores", Static).render())
        assert "✓ Level 1 checkpoint" in scores and "best 9/10" in scores
        assert "2 attempts" in scores
        assert screen.query_one("#history").series["Level 1 checkpoint"] == (
            [1, 2], [60.0, 90.0])
        store.record_attempt("l4.boss", 3, 15, False)
        screen.refresh_progress()
        # each quiz on its own attempts: the boss's first run is its attempt 1
        assert screen.query_one("#history").series["Boss quiz"] == ([1], [20.0])
        mastery_text = str(screen.query_one("#mastery", Static).render())
        assert "logic-gates" in mastery_text and "familiar" in mastery_text  # one right answer
        assert "proficient" not in mastery_text.split("\n", 1)[1]  # (the legend names it)
        overview = str(screen.query_one("#overview", Static).render())
        assert "Beginner" in overview and "1/11" in overview and "streak 1 day" in overview
        assert "0 reviews due" in overview  # the one answer was right: not due yet

        # the chart: even ticks, its legend outside the plot
        for score in (3, 7):
            store.record_attempt("l1.match-shape", score, 8, score >= 6)
        store.record_attempt("l4.boss", 11, 15, True)
        screen.refresh_progress()
        chart = screen.query_one("#history")
        assert set(chart.series) == {"Level 1 checkpoint", "Match the shape", "Boss quiz"}
        assert chart.series["Match the shape"][0] == [1, 2]  # its own attempts
        screen.query_one("#progress-body").scroll_to_widget(chart, animate=False)
        await pilot.pause()
        lines = chart.render().plain.splitlines()
        # the legend is not drawn in the plot (where it hid the first attempts)…
        assert not any(title in line for line in lines for title in chart.series)
        # …but beside it, one distinct marker per quiz
        legend = str(screen.query_one("#history-legend", Static).render())
        markers = [legend.split(title)[0].split()[-1] for title in chart.series]
        assert len(set(markers)) == 3 and all(title in legend for title in chart.series)
        # y ticks 0, 25, 50, 75, 100 at evenly spaced rows
        tick_rows = [i for i, line in enumerate(lines) if line.lstrip().split("┤")[0]
                     in ("0", "25", "50", "75", "100") and "┤" in line]
        assert len(tick_rows) == 5
        assert len({b - a for a, b in zip(tick_rows, tick_rows[1:])}) == 1, lines


def test_mastery_links_only_to_built_sections(unbuilt):
    from nntui import sections
    from nntui.quiz import report

    unbuilt("l3.softmax-head", "l3.softmax-grad", "l4.moe")
    for concept in {c for s in sections.SECTIONS for c in s.concepts}:
        assert all(sections.get(i).ready for i in report.sections_for(concept)), concept
    assert report.sections_for("softmax") == []  # taught only in sections that read as planned
    assert report.sections_for("activation")[:2] == ["l1.perceptron", "l1.activation-lab"]


async def test_progress_names_no_section_for_a_concept_with_none_built(make_app, unbuilt):
    unbuilt("l3.softmax-head", "l3.softmax-grad", "l4.moe")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        q = bank.bank()["l2.output-classes"]  # concepts: layers, softmax
        record_outcome(app.store, "l2.checkpoint", Outcome(q, True, "x", 2.0, True))
        await pilot.press("p")
        await pilot.pause()
        lines = str(app.screen.query_one("#mastery", Static).render()).splitlines()
        softmax = next(line for line in lines if " softmax " in line)
        layers = next(line for line in lines if " layers " in line)
        assert "→" not in softmax and "→ l2.layers" in layers


def _fill(data_dir) -> None:
    questions = bank.bank()
    for learner in ("ana", "bo"):
        with Store.open(data_dir, learner) as store:
            record_outcome(store, "l1.checkpoint",
                           Outcome(questions["l1.sigmoid-03"], True, "0.574", 5.5, True))
            record_outcome(store, "l1.checkpoint",
                           Outcome(questions["l1.xor-gate"], False, 'say "AND"; [b]', 9.0,
                                   True))
            store.record_attempt("l1.checkpoint", 1, 2, False)
            store.record_completion("l1.intro")


def test_csv_export_columns_and_rows(data_dir, capsys):
    _fill(data_dir)
    assert main(["export", "--format", "csv", "--data-dir", str(data_dir)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == 6 and {r["learner"] for r in rows} == {"ana", "bo"}
    tricky = [r for r in rows if r["record"] == "answer" and r["correct"] == "0"]
    assert tricky[0]["response"] == 'say "AND"; [b]' and tricky[0]["seconds"] == "9.0"
    attempt = next(r for r in rows if r["record"] == "attempt")
    assert (attempt["score"], attempt["max_score"], attempt["won"]) == ("1", "2", "0")


def test_xapi_lines_are_valid_statements(data_dir, tmp_path):
    _fill(data_dir)
    out = tmp_path / "statements.jsonl"
    assert main(["export", "--format", "xapi", "--out", str(out),
                 "--data-dir", str(data_dir), "--learner", "ana", "--only-learner"]) == 0
    statements = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(statements) == 4  # 2 answers, 1 attempt, 1 completion
    verbs = set()
    for s in statements:
        uuid.UUID(s["id"])
        assert s["actor"]["account"] == {"homePage": "https://nntui.invalid", "name": "ana"}
        assert s["verb"]["id"].startswith("http://adlnet.gov/expapi/verbs/")
        datetime.fromisoformat(s["timestamp"].replace("Z", "+00:00"))
        assert s["object"]["id"].startswith("urn:nntui:activity:")
        verbs.add(s["verb"]["display"]["en"])
        if "score" in s.get("result", {}):
            score = s["result"]["score"]
            assert score["min"] <= score["raw"] <= score["max"]
            assert 0 <= score["scaled"] <= 1 and isinstance(s["result"]["success"], bool)
    assert verbs == {"answered", "failed", "completed"}
    assert len({s["id"] for s in statements}) == 4


def test_stats_for_one_and_all_learners(data_dir, capsys):
    _fill(data_dir)
    assert main(["stats", "--data-dir", str(data_dir), "--learner", "ana"]) == 0
    one = capsys.readouterr().out
    assert "Learner ana" in one and "Answers: 2 (1 right, 50 %)" in one
    assert "l1.checkpoint" in one and "best 1/2" in one
    assert main(["stats", "--all", "--data-dir", str(data_dir)]) == 0
    both = capsys.readouterr().out
    assert "Learner ana" in both and "Learner bo" in both


def test_bad_arguments_exit_2(data_dir, capsys):
    assert main(["export", "--format", "pdf", "--data-dir", str(data_dir)]) == 2
    assert main(["export", "--data-dir", str(data_dir)]) == 2
    assert main(["stats", "--nope"]) == 2
    assert "usage: nntui" in capsys.readouterr().err


def test_counting_nothing_due_parses_no_question_bank_and_loads_no_numpy(tmp_path):
    """Home counts what is due on its first frame: with nothing due that must not parse the
    bank (whose curve questions are checked with the engine, and so NumPy)."""
    import subprocess
    import sys

    code = ("import sys; from nntui.store import Store; from nntui.quiz import bank, review;"
            f"store = Store.open({str(tmp_path)!r}, 'ada');"
            "print(review.due_count(store), bank._CACHE is None, 'numpy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.split() == ["0", "True", "False"]
