import math

import pytest

from nntui.engine.schedules import (SCHEDULES, Cosine, Exponential, OneCycle, ReduceOnPlateau,
                                    StepDecay, WarmupCosine)


def test_step_and_exponential():
    s = StepDecay(0.1, step_size=10, gamma=0.5)
    assert [s.lr_at(t) for t in (0, 9, 10, 19, 20)] == pytest.approx([0.1, 0.1, 0.05, 0.05, 0.025])
    e = Exponential(0.2, gamma=0.9)
    assert e.lr_at(0) == 0.2 and e.lr_at(3) == pytest.approx(0.2 * 0.729)


def test_cosine():
    c = Cosine(1.0, total_steps=100, min_lr=0.1)
    assert c.lr_at(0) == pytest.approx(1.0)
    assert c.lr_at(50) == pytest.approx(0.55)
    assert c.lr_at(100) == pytest.approx(0.1) and c.lr_at(500) == pytest.approx(0.1)
    assert c.lr_at(25) == pytest.approx(0.1 + 0.9 * (1 + math.cos(math.pi / 4)) / 2)


def test_warmup_cosine():
    w = WarmupCosine(1.0, warmup_steps=10, total_steps=110)
    assert w.lr_at(0) == pytest.approx(0.1) and w.lr_at(9) == pytest.approx(1.0)
    assert w.lr_at(10) == pytest.approx(1.0) and w.lr_at(60) == pytest.approx(0.5)
    assert w.lr_at(110) == pytest.approx(0.0, abs=1e-15)
    lrs = w.lrs(110)
    assert lrs.argmax() in (9, 10) and len(lrs) == 110


def test_reduce_on_plateau():
    r = ReduceOnPlateau(1.0, factor=0.5, patience=2)
    for loss in (5.0, 4.0, 3.0):
        assert r.observe(loss) == 1.0
    # three epochs without improvement (> patience 2) → halve
    assert r.observe(3.0) == 1.0 and r.observe(3.0) == 1.0
    assert r.observe(3.0) == 0.5 and r.lr_at(123) == 0.5 and r.reductions == 1
    assert r.observe(2.0) == 0.5  # improvement resets the count
    r.reset()
    assert r.lr == 1.0


def test_one_cycle_matches_pytorch_shape():
    o = OneCycle(max_lr=1.0, total_steps=100, pct_start=0.3, div_factor=25, final_div_factor=1e4)
    assert o.lr_at(0) == pytest.approx(1.0 / 25)
    assert o.lr_at(29) == pytest.approx(1.0)  # peak at pct_start·T − 1
    assert o.lr_at(99) == pytest.approx(1.0 / 25 / 1e4)
    lrs = o.lrs(100)
    assert all(a <= b for a, b in zip(lrs[:30], lrs[1:30]))
    assert all(a >= b for a, b in zip(lrs[29:], lrs[30:]))


def test_registry_builds_each():
    for name, cls in SCHEDULES.items():
        s = cls()
        assert s.lr_at(0) > 0 and s.formula
