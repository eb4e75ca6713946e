"""A recurrent cell and a tiny encoder–decoder (seq2seq) translator trained with autograd.

The cell: hₜ = tanh(xₜ·W_x + hₜ₋₁·W_h + b), with W_x (n_in, h), W_h (h, h), b (h,).
``rnn_forward`` runs it over a sequence of arrays and returns every hidden state.

The translator reads an English phrase word by word into an encoder RNN; its
last hidden state is the context, the only thing the decoder gets. The decoder
RNN starts from the context and the ⟨start⟩ token and emits one French word per
step until ⟨end⟩. Training uses teacher forcing (the decoder is fed the right
previous word, not its own guess) on the whole phrase book at once, padded to
one length, with masks so padding changes nothing. ``translate`` decodes
greedily and keeps each step's hidden state for the lesson to show.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import autograd as ag
from .autograd import Tensor, tensor
from .init import INITS
from .optim import Adam

__all__ = [
    "PHRASE_BOOK", "PAD", "START", "END", "rnn_step", "rnn_forward", "RNNCell", "Vocab",
    "Translation", "Seq2Seq", "train",
]

# English → French. Words recur across phrases (the, cat, dog, sits, eats …), so the
# context has to carry the whole phrase, not just its first or last word.
PHRASE_BOOK: tuple[tuple[str, str], ...] = (
    ("the cat sits", "le chat est assis"),
    ("the dog sits", "le chien est assis"),
    ("the cat sleeps", "le chat dort"),
    ("the dog sleeps", "le chien dort"),
    ("the dog eats", "le chien mange"),
    ("the boy eats an apple", "le garçon mange une pomme"),
    ("the girl runs", "la fille court"),
    ("the bird sings", "l'oiseau chante"),
    ("the child reads a book", "l'enfant lit un livre"),
    ("good night", "bonne nuit"),
    ("thank you", "merci"),
    ("i am hungry", "j'ai faim"),
)

PAD, START, END = "<pad>", "<start>", "<end>"


def rnn_step(x: Tensor, h: Tensor, W_x: Tensor, W_h: Tensor, b: Tensor) -> Tensor:
    """One step of the cell: hₜ = tanh(xₜ·W_x + hₜ₋₁·W_h + b); rows are a batch."""
    return (x @ W_x + h @ W_h + b).tanh()


def rnn_forward(xs, W_x, W_h, b, h0=None) -> np.ndarray:
    """Run the cell over ``xs`` (T, n_in) or (T, batch, n_in) → hidden states (T, [batch,] h).

    ``h0`` defaults to zeros. Plain arrays in, plain arrays out.
    """
    xs = np.asarray(xs, dtype=np.float64)
    W_x, W_h, b = (tensor(a) for a in (W_x, W_h, b))
    h = tensor(np.zeros(xs.shape[1:-1] + W_h.shape[-1:]) if h0 is None else h0)
    states = []
    for x in xs:
        h = rnn_step(tensor(x), h, W_x, W_h, b)
        states.append(h.data)
    return np.stack(states)


class RNNCell:
    """The cell's weights as trainable Tensors (Xavier-uniform start, zero bias)."""

    def __init__(self, n_in: int, n_hidden: int, rng: np.random.Generator):
        self.W_x = Tensor(INITS["xavier_uniform"](n_in, n_hidden, rng))
        self.W_h = Tensor(INITS["xavier_uniform"](n_hidden, n_hidden, rng))
        self.b = Tensor(np.zeros(n_hidden))

    @property
    def params(self) -> list[Tensor]:
        return [self.W_x, self.W_h, self.b]

    def __call__(self, x: Tensor, h: Tensor) -> Tensor:
        return rnn_step(x, h, self.W_x, self.W_h, self.b)


class Vocab:
    """Words ↔ indices; ⟨pad⟩, ⟨start⟩ and ⟨end⟩ come first (0, 1, 2)."""

    def __init__(self, sentences):
        words = sorted({w for s in sentences for w in s.split()})
        self.words: list[str] = [PAD, START, END, *words]
        self.index: dict[str, int] = {w: i for i, w in enumerate(self.words)}

    def __len__(self) -> int:
        return len(self.words)

    def encode(self, words) -> list[int]:
        unknown = [w for w in words if w not in self.index]
        if unknown:
            raise KeyError(f"not in the vocabulary: {', '.join(unknown)}")
        return [self.index[w] for w in words]

    def decode(self, ids) -> list[str]:
        return [self.words[i] for i in ids]


def _words(sentence) -> list[str]:
    return sentence.split() if isinstance(sentence, str) else list(sentence)


def _pad(rows: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    """Index rows of different lengths → (ids (n, T) padded with 0, mask (n, T) of 0/1)."""
    width = max(map(len, rows))
    ids = np.zeros((len(rows), width), dtype=np.int64)
    mask = np.zeros((len(rows), width))
    for i, row in enumerate(rows):
        ids[i, :len(row)] = row
        mask[i, :len(row)] = 1.0
    return ids, mask


@dataclass(frozen=True)
class Translation:
    """What ``translate`` saw and said, step by step."""

    source: list[str]  # the words read, then ⟨end⟩
    tokens: list[str]  # the words emitted, ⟨end⟩ left out
    encoder_states: np.ndarray  # (len(source), hidden): h after each source word
    decoder_states: np.ndarray  # (steps, hidden): h at each decoder step
    probabilities: np.ndarray  # (steps, target vocab): softmax of each step's output

    @property
    def context(self) -> np.ndarray:
        """The encoder's last hidden state: all the decoder is told about the source."""
        return self.encoder_states[-1]

    @property
    def text(self) -> str:
        return " ".join(self.tokens)


class Seq2Seq:
    """Encoder RNN → context → decoder RNN, over word embeddings."""

    def __init__(self, pairs=PHRASE_BOOK, hidden: int = 32, embed: int = 16, seed: int = 0,
                 lr: float = 0.01):
        self.pairs = [(src, dst) for src, dst in pairs]
        self.src_vocab = Vocab(src for src, _ in self.pairs)
        self.dst_vocab = Vocab(dst for _, dst in self.pairs)
        rng = np.random.default_rng(seed)
        self.src_embed = Tensor(rng.normal(0.0, 0.5, (len(self.src_vocab), embed)))
        self.dst_embed = Tensor(rng.normal(0.0, 0.5, (len(self.dst_vocab), embed)))
        self.encoder = RNNCell(embed, hidden, rng)
        self.decoder = RNNCell(embed, hidden, rng)
        self.W_out = Tensor(INITS["xavier_uniform"](hidden, len(self.dst_vocab), rng))
        self.b_out = Tensor(np.zeros(len(self.dst_vocab)))
        self.optimizer = Adam(lr=lr)
        self.losses: list[float] = []  # one per training step
        self._batch = self._make_batch()

    @property
    def params(self) -> list[Tensor]:
        return [self.src_embed, self.dst_embed, *self.encoder.params, *self.decoder.params,
                self.W_out, self.b_out]

    @property
    def hidden(self) -> int:
        return self.encoder.b.shape[0]

    def _source_ids(self, sentence) -> list[int]:
        return self.src_vocab.encode([*_words(sentence), END])

    def _make_batch(self):
        src, src_mask = _pad([self._source_ids(s) for s, _ in self.pairs])
        dst = [self.dst_vocab.encode(_words(d)) for _, d in self.pairs]
        start, end = self.dst_vocab.index[START], self.dst_vocab.index[END]
        dec_in, _ = _pad([[start, *d] for d in dst])
        dec_out, dec_mask = _pad([[*d, end] for d in dst])
        return src, src_mask, dec_in, dec_out, dec_mask

    def _encode(self, src: np.ndarray, mask: np.ndarray) -> list[Tensor]:
        """Hidden states after each source position; past a row's end it keeps its last state."""
        h = tensor(np.zeros((src.shape[0], self.hidden)))
        states = []
        for t in range(src.shape[1]):
            new = self.encoder(self.src_embed[src[:, t]], h)
            keep = mask[:, t:t + 1]  # 1 while the row still has words
            h = h + keep * (new - h)
            states.append(h)
        return states

    def loss(self) -> Tensor:
        """Mean cross-entropy of the next French word over the phrase book (teacher forcing)."""
        src, src_mask, dec_in, dec_out, dec_mask = self._batch
        h = self._encode(src, src_mask)[-1]
        states = []
        for t in range(dec_in.shape[1]):
            h = self.decoder(self.dst_embed[dec_in[:, t]], h)
            states.append(h)
        logits = ag.stack(states, axis=1) @ self.W_out + self.b_out
        return ag.cross_entropy(logits, dec_out, mask=dec_mask)

    def step(self) -> float:
        """One Adam step on the whole phrase book; returns the loss before it."""
        loss = self.loss()
        loss.backward()
        ag.step(self.optimizer, self.params)
        self.losses.append(loss.item())
        return self.losses[-1]

    def translate(self, sentence, max_len: int = 10) -> Translation:
        """Greedy decoding: feed back the most likely word until ⟨end⟩ or ``max_len`` words."""
        source = [*_words(sentence), END]
        src = np.array([self.src_vocab.encode(source)])
        enc = [s.data[0] for s in self._encode(src, np.ones(src.shape))]
        h = tensor(enc[-1][None, :])
        word = self.dst_vocab.index[START]
        end = self.dst_vocab.index[END]
        tokens, states, probs = [], [], []
        for _ in range(max_len + 1):
            h = self.decoder(self.dst_embed[np.array([word])], h)
            p = (h @ self.W_out + self.b_out).softmax().data[0]
            states.append(h.data[0])
            probs.append(p)
            word = int(np.argmax(p))
            if word == end:
                break
            tokens.append(self.dst_vocab.words[word])
        return Translation(source, tokens[:max_len], np.array(enc), np.array(states),
                           np.array(probs))


def train(pairs=PHRASE_BOOK, epochs: int = 300, seed: int = 0, **kwargs) -> Seq2Seq:
    """A Seq2Seq trained for ``epochs`` full-batch steps on ``pairs``; same seed, same model."""
    model = Seq2Seq(pairs, seed=seed, **kwargs)
    for _ in range(epochs):
        model.step()
    return model
