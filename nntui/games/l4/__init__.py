"""Level 4 · Expert: one module per section, named from its id."""
