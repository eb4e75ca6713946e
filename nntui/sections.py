"""The registry: every section of the course, in order.

Screens, the level rail, ``--list``, ``--open``, the command palette and progress all read this
one table. Adding a section is one entry here plus its module and its text: the view of
``l1.tune-neuron`` is found by convention in ``nntui/games/l1/tune_neuron.py`` as
``TuneNeuronView``. A section not marked ``ready`` is *planned*: it is listed everywhere and shows
an honest "planned" card.

This module is plain data: importing it must stay cheap (``nntui --list`` uses it).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

KINDS = ("lesson", "game", "interactive", "animation", "quiz")


@dataclass(frozen=True)
class Level:
    id: str
    name: str
    tagline: str


#: Quiz bodies shared by several sections live in one module, ``nntui/games/quizzes.py``.
SHARED_QUIZZES = {"checkpoint": "CheckpointView", "boss": "BossView", "lock-it-in": "LockItInView"}


@dataclass(frozen=True)
class Section:
    id: str
    level: str
    kind: str
    title: str
    concepts: tuple[str, ...]
    summary: str
    #: Built and playable. A section that is not ready is *planned*: listed, with an honest card.
    ready: bool = False
    src: tuple[str, ...] = field(default=())

    @property
    def status(self) -> str:
        return "ready" if self.ready else "planned"

    @property
    def name(self) -> str:
        """The part of the id after the level: ``tune-neuron`` for ``l1.tune-neuron``."""
        return self.id.split(".", 1)[1]

    @property
    def view_path(self) -> str:
        """``module:Class`` of the view, by convention from the id.

        ``l1.tune-neuron`` → ``nntui.games.l1.tune_neuron:TuneNeuronView``; the shared quiz bodies
        (checkpoints, boss, lock-it-in) → ``nntui.games.quizzes``.
        """
        if self.name in SHARED_QUIZZES:
            return f"nntui.games.quizzes:{SHARED_QUIZZES[self.name]}"
        module = self.name.replace("-", "_")
        cls = "".join(part.capitalize() for part in self.name.split("-")) + "View"
        return f"nntui.games.{self.level}.{module}:{cls}"


LEVELS: tuple[Level, ...] = (
    Level("l1", "Beginner", "A neuron is a weighted vote, then a squash"),
    Level("l2", "Intermediate", "Stacking neurons into networks"),
    Level("l3", "Advanced", "The real math, and a network you train yourself"),
    Level("l4", "Expert", "Making it work in practice"),
    Level("fx", "Frontier", "How learning really works"),
    Level("ref", "Reference", "Tables, explorers and rules of thumb"),
)


def _s(id, kind, title, concepts, summary, ready=False):
    level = id.split(".", 1)[0]
    return Section(id, level, kind, title, tuple(concepts.split()), summary, ready)


SECTIONS: tuple[Section, ...] = (
    # Level 1 · Beginner
    _s("l1.intro", "lesson", "What is a neural network?", "network analogy",
       "Three ways to picture a network, and pulses flowing through a small one.", ready=True),
    _s("l1.light-network", "game", "Light the network", "weights neuron",
       "Flip two switches and turn two weight dials until the bulb matches the target.", ready=True),
    _s("l1.perceptron", "lesson", "The artificial neuron", "neuron weights bias activation",
       "y = σ(Σ wᵢxᵢ + b), symbol by symbol, with a live neuron to poke.", ready=True),
    _s("l1.tune-neuron", "game", "Tune a neuron into a logic gate", "neuron logic-gates bias",
       "Set w₁, w₂ and b so one neuron behaves like AND, OR, NAND or NOR.", ready=True),
    _s("l1.perceptron-rule", "animation", "The perceptron learning rule",
       "perceptron-rule linear-separability",
       "Watch w ← w + η(y − ŷ)x learn AND, OR and NOT, then cycle forever on XOR.", ready=True),
    _s("l1.activation-lab", "interactive", "Activation lab", "activation derivatives",
       "Plot any activation and its slope side by side; bend a neuron's curve.", ready=True),
    _s("l1.match-shape", "quiz", "Match the shape", "activation",
       "An unlabelled curve is drawn: name the activation.", ready=True),
    _s("l1.worked-neuron", "lesson", "A neuron by hand", "neuron sigmoid",
       "Compute one neuron step by step with inputs you can edit.", ready=True),
    _s("l1.numbers-flowing", "animation", "Numbers flowing", "forward-pass",
       "A 2 → 3 → 1 network lights neuron by neuron, showing every value.", ready=True),
    _s("l1.history", "lesson", "A short history", "history",
       "From McCulloch–Pitts to 2012: two slumps and what ended them.", ready=True),
    _s("l1.checkpoint", "quiz", "Level 1 checkpoint", "review",
       "End-of-level quiz on the single neuron.", ready=True),
    # Level 2 · Intermediate
    _s("l2.layers", "lesson", "Layers and the forward pass", "layers forward-pass parameters",
       "Input, hidden and output layers; which output for which task; count parameters.", ready=True),
    _s("l2.forward-relay", "game", "Forward relay", "forward-pass layers",
       "Pick a hidden width, set two inputs and fire until the output turns gold.", ready=True),
    _s("l2.linear-collapse", "lesson", "Why nonlinearity matters", "nonlinearity linear-algebra",
       "Two linear layers collapse into one matrix; a σ between them bends the boundary.", ready=True),
    _s("l2.solve-xor", "game", "Solve XOR", "xor linear-separability hidden-layer",
       "One line can never split XOR; two cuts and a hidden layer can.", ready=True),
    _s("l2.two-cuts", "lesson", "Two cuts make XOR", "xor hidden-layer",
       "H1 ≈ OR, H2 ≈ AND, output ≈ H1 AND NOT H2, with the real weights.", ready=True),
    _s("l2.init", "lesson", "Initialization", "initialization",
       "Zero, too-large and scaled starts; the Xavier, He and LeCun rules.", ready=True),
    _s("l2.init-race", "animation", "Initialization race", "initialization training",
       "One network trained from three starts; three live loss curves race.", ready=True),
    _s("l2.build-network", "interactive", "Build a network", "parameters layers architectures",
       "Stack layers from a palette; see every shape and parameter count.", ready=True),
    _s("l2.checkpoint", "quiz", "Level 2 checkpoint", "review",
       "End-of-level quiz on layers, XOR and initialization.", ready=True),
    # Level 3 · Advanced
    _s("l3.formulas", "lesson", "The formulas", "forward-pass loss backprop chain-rule",
       "Forward pass, losses, chain rule and the backprop recursion, each with a calculator.",
       ready=True),
    _s("l3.backprop-flow", "interactive", "Backprop, step by step", "backprop chain-rule",
       "Step forward, compute the loss, step backward; check the gradient numerically.",
       ready=True),
    _s("l3.optimizer-race", "animation", "Optimizer race", "optimizers momentum learning-rate",
       "SGD, Momentum, Adam and friends race across the same loss surface.", ready=True),
    _s("l3.softmax-head", "interactive", "Softmax head", "softmax",
       "Turn class logits into probabilities; feel what temperature does.", ready=True),
    _s("l3.softmax-grad", "lesson", "Softmax meets cross-entropy", "softmax cross-entropy",
       "The gradient into the logits is p − y, live.", ready=True),
    _s("l3.vanishing", "animation", "Vanishing gradients", "vanishing-gradients activation",
       "Real per-layer gradient norms of a deep net, by activation and scale.", ready=True),
    _s("l3.batch-size", "animation", "Batch size", "batch-size sgd",
       "Full batch, mini-batch and single-example descent on one real regression.", ready=True),
    _s("l3.saddle", "animation", "Escaping a saddle", "saddle-points momentum",
       "Plain descent stalls on a² − b²; momentum escapes.", ready=True),
    _s("l3.train-brain", "game", "Train a brain", "training regularization features optimizers",
       "A terminal TensorFlow Playground: data, features, layers, live boundary.", ready=True),
    _s("l3.seq2seq", "animation", "Sequence to sequence", "seq2seq rnn",
       "An encoder squeezes a sentence into a vector; a decoder writes it out again.", ready=True),
    _s("l3.transformer", "interactive", "Inside a transformer", "transformer attention",
       "Embed, attend, feed forward: a real attention map for a short sentence.", ready=True),
    _s("l3.checkpoint", "quiz", "Level 3 checkpoint", "review",
       "End-of-level quiz on backprop, optimizers and training.", ready=True),
    # Level 4 · Expert
    _s("l4.overfitting", "lesson", "Overfitting and its cures", "overfitting regularization",
       "Memorizing versus learning; weight decay, dropout, early stopping, batch norm.",
       ready=True),
    _s("l4.capacity", "interactive", "Model capacity", "overfitting capacity",
       "Slide capacity on noisy data; watch train and validation error part ways.", ready=True),
    _s("l4.conv", "game", "Convolution", "convolution cnn",
       "Draw, pick a kernel, slide the window; the feature map fills in.", ready=True),
    _s("l4.pooling", "animation", "Pooling", "pooling cnn",
       "2×2 max and average pooling, window by window.", ready=True),
    _s("l4.rnn", "interactive", "Recurrent networks", "rnn lstm",
       "Step a sequence through a recurrent cell; LSTM gates as an option.", ready=True),
    _s("l4.dropout", "game", "Dial the dropout", "dropout regularization",
       "Pick a dropout rate and land it in the zone a real sweep finds best.", ready=True),
    _s("l4.batchnorm", "animation", "Batch normalization", "batch-norm normalization",
       "A drifting distribution, normalized to mean 0 and variance 1, then γ and β.", ready=True),
    _s("l4.skip", "animation", "Skip connections", "residual vanishing-gradients",
       "Gradient norms through a plain and a residual stack.", ready=True),
    _s("l4.autoencoder", "interactive", "Autoencoder", "autoencoder",
       "Squeeze a drawing to k numbers and rebuild it.", ready=True),
    _s("l4.architectures", "lesson", "The architecture family", "architectures",
       "MLP to diffusion: what each is and what it is for.", ready=True),
    _s("l4.embeddings", "animation", "Embeddings", "embeddings",
       "Words glide into clusters as a tiny embedding trains.", ready=True),
    _s("l4.gan", "animation", "A tiny GAN", "gan",
       "A 1-D generator learns to fool a discriminator.", ready=True),
    _s("l4.unet", "animation", "U-Net", "unet cnn residual",
       "A pulse down the encoder and back up the decoder, skips on or off.", ready=True),
    _s("l4.vae", "interactive", "Variational autoencoder", "vae autoencoder",
       "Encode to μ and log σ², sample z = μ + σ⊙ε, decode.", ready=True),
    _s("l4.flows", "animation", "Normalizing flows", "flows",
       "Invertible steps bend a Gaussian cloud into a shape and back.", ready=True),
    _s("l4.gnn", "animation", "Graph networks", "gnn",
       "Message passing spreads one node's signal round by round.", ready=True),
    _s("l4.moe", "interactive", "Mixture of experts", "moe softmax",
       "A router scores experts and lights the top two.", ready=True),
    _s("l4.pytorch", "lesson", "From math to PyTorch", "pytorch",
       "A small nn.Module, line by line; export your Train a brain network.", ready=True),
    _s("l4.boss", "quiz", "Boss quiz", "review",
       "Fifteen questions from every level, leaning on your weak spots.", ready=True),
    _s("l4.lock-it-in", "quiz", "Lock it in", "review",
       "Say the key ideas back in your own words.", ready=True),
    # Frontier
    _s("fx.autodiff", "lesson", "Reverse-mode autodiff", "autodiff backprop",
       "A computation graph with values and gradients, derived step by step.", ready=True),
    _s("fx.convergence", "lesson", "Convergence of gradient descent", "convergence learning-rate",
       "Quadratics and L-smooth functions: when and how fast descent converges.", ready=True),
    _s("fx.momentum", "lesson", "Momentum as a damped system", "momentum optimizers",
       "Momentum, Nesterov, Adam's bias correction, AdamW and Lion.", ready=True),
    _s("fx.init-theory", "lesson", "Initialization theory", "initialization variance",
       "Variance through depth; Xavier and He derived.", ready=True),
    _s("fx.generalization", "lesson", "Generalization", "generalization double-descent",
       "Over-parameterization, double descent and implicit regularization.", ready=True),
    _s("fx.uat", "lesson", "Universal approximation", "universal-approximation depth",
       "Cybenko and Hornik, and why depth still helps.", ready=True),
    # Reference lab
    _s("ref.activations", "interactive", "Activations", "activation",
       "Every activation: f, f′, range and notes.", ready=True),
    _s("ref.losses", "interactive", "Losses", "loss",
       "Each loss and its gradient plotted against the prediction.", ready=True),
    _s("ref.optimizers", "lesson", "Optimizers", "optimizers",
       "Cards for SGD to Lion, and a comparison table.", ready=True),
    _s("ref.landscape", "interactive", "Loss landscape", "optimizers learning-rate",
       "The elongated bowl with a learning-rate control and four optimizers.", ready=True),
    _s("ref.schedules", "interactive", "Learning-rate schedules", "schedules learning-rate",
       "Step, exponential, cosine, warmup, plateau and one-cycle, plotted.", ready=True),
    _s("ref.normalization", "lesson", "Normalization", "normalization batch-norm",
       "Batch, layer, group, instance norm and RMSNorm on a sample tensor.", ready=True),
    _s("ref.regularization", "lesson", "Regularization", "regularization",
       "L2, dropout, early stopping, label smoothing, augmentation.", ready=True),
    _s("ref.sequence", "lesson", "Sequence models", "rnn lstm attention",
       "RNN, BPTT, clipping, LSTM and GRU, attention, positional encoding.", ready=True),
    _s("ref.architectures", "lesson", "Architecture comparison", "architectures",
       "Architectures on six axes, with sources and frontier themes.", ready=True),
    _s("ref.pipeline", "lesson", "The training recipe", "training debugging",
       "A practical recipe and rules of thumb for when training goes wrong.", ready=True),
    _s("ref.strengths", "lesson", "Strengths and limits", "strengths",
       "Where neural networks shine and where simpler models win.", ready=True),
    _s("ref.glossary", "interactive", "Glossary", "glossary",
       "Every term, searchable.", ready=True),
)

SECTION_BY_ID: dict[str, Section] = {s.id: s for s in SECTIONS}
LEVEL_BY_ID: dict[str, Level] = {lv.id: lv for lv in LEVELS}


def get(section_id: str) -> Section:
    """The section with this id; KeyError if there is none."""
    return SECTION_BY_ID[section_id]


def in_level(level_id: str) -> list[Section]:
    return [s for s in SECTIONS if s.level == level_id]


def neighbour(section_id: str, step: int) -> Section | None:
    """The next (step=1) or previous (step=-1) section in the same level, or None at the end."""
    sections = in_level(get(section_id).level)
    index = [s.id for s in sections].index(section_id) + step
    return sections[index] if 0 <= index < len(sections) else None


def suggest(section_id: str, n: int = 3) -> list[str]:
    """Ids close to a mistyped one, best first."""
    ids = list(SECTION_BY_ID)
    close = difflib.get_close_matches(section_id, ids, n=n, cutoff=0.5)
    if not close:  # "tune-neuron" should still find "l1.tune-neuron"
        close = [i for i in ids if section_id and section_id in i][:n]
    return close


def load_view(section: Section):
    """Import and return the SectionView class for a ready section (lazily: only when opened)."""
    if not section.ready:
        raise LookupError(f"{section.id} is planned, not built yet")
    module_name, _, class_name = section.view_path.partition(":")
    import importlib

    return getattr(importlib.import_module(module_name), class_name)
