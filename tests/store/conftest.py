"""A disk that fills up on demand, for the tests of writes that fail."""

from __future__ import annotations

import pytest

from nntui.store import Store

BIG = "x" * 3000  # an answer this long needs a page of its own, so a capped file fills quickly


class Disk:
    """Real SQLite behaviour: ``PRAGMA max_page_count`` (per connection) caps the file, and a
    write that needs one page more fails with SQLITE_FULL, "database or disk is full"."""

    @staticmethod
    def fill(store: Store) -> None:
        """Cap the file at its current size, then write filler answers until one is refused."""
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        assert store.conn.execute(f"PRAGMA max_page_count = {pages}").fetchone()[0] == pages
        for i in range(50):
            store.record_answer("filler", f"f{i}", True, BIG, 1.0, True)
            if store.unsaved_count:
                return
        raise AssertionError("the capped file never filled up")

    @staticmethod
    def free(store: Store) -> None:
        store.conn.execute("PRAGMA max_page_count = 1000000")


@pytest.fixture
def disk() -> Disk:
    return Disk()
