"""Level 2 · Intermediate: one module per section, named from its id (``l2.solve-xor`` → ``solve_xor``)."""
