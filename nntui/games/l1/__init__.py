"""Level 1 · Beginner: one module per section, named from its id (``l1.tune-neuron`` → ``tune_neuron``)."""
