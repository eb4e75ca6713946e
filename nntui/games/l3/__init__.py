"""Level 3 · Advanced: the real math, and a network you train yourself."""
