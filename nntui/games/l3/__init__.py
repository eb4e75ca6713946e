"""Level 3 · Advanced: one module per section, named from its id."""
