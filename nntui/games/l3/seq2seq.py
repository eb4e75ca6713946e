"""Sequence to sequence: the section body (model in ``seq2seq_model``).

An ``AnimatedSection`` over one real translation. The translator trains once, in a thread
worker, and is kept in the learner's data folder; until it is ready the section says so.
"""

from __future__ import annotations

import numpy as np
from rich.text import Text
from textual import work
from textual.widgets import Static

from nntui.engine.rnn import END, START
from nntui.widgets.keys import axis_keys
from nntui.widgets.number_text import num
from nntui.widgets.playing import AnimatedSection

from . import seq2seq_model
from .seq2seq_model import PAIRS, Walkthrough

SHADES = " ░▒▓█"
SHOWN_NUMBERS = 8  # numbers printed under a state row (all of them are drawn as cells)
POSITIVE, NEGATIVE = "#e8743b", "#3b8fe8"
SUBSCRIPT = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
TOKEN_NAMES = {START: "⟨start⟩", END: "⟨end⟩"}


def token(word: str) -> str:
    return TOKEN_NAMES.get(word, word)


def state_cells(h: np.ndarray) -> Text:
    """One cell per number in (−1, 1): shade by value (█ near +1, blank near −1), and
    coloured by sign where colour is on."""
    text = Text(no_wrap=True, overflow="crop")
    for v in h:
        level = min(len(SHADES) - 1, int((v + 1) / 2 * len(SHADES)))
        text.append(SHADES[level] * 2, POSITIVE if v >= 0 else NEGATIVE)
    return text


def numbers(h: np.ndarray) -> str:
    return " ".join(num(v, 2, sign=True) for v in h[:SHOWN_NUMBERS]) + f" … ({len(h)} numbers)"


def word_row(words: list[str], lit: int, current: int | None) -> Text:
    """Words joined by arrows; the first ``lit`` are bold, the current one in brackets."""
    text = Text(no_wrap=True, overflow="ellipsis")
    for i, word in enumerate(words):
        if i:
            text.append(" → ", "dim")
        shown = f"[{token(word)}]" if i == current else token(word)
        text.append(shown, "bold" if i < lit else "dim")
    return text


class Seq2seqView(AnimatedSection):
    """Pick a phrase; watch it go into the encoder and come out of the decoder."""

    HELP = (
        "←/→ choose the phrase. p plays the translation and pauses it, s shows the next "
        "beat: a word entering the encoder, the context, or a word from the decoder. r starts "
        "the phrase again. Each state row is the RNN's hidden vector: one cell per number, "
        "█ near +1, blank near −1 (orange positive, blue negative where colour is on); the "
        "first numbers are printed under it. The translator trains once and is kept in your "
        "data folder."
    )
    BINDINGS = axis_keys("x", "phrase({})", "phrase")
    INTERVAL = 0.7

    #: Training steps when there are no saved weights yet; None = the model's default.
    epochs: int | None = None

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.walk: Walkthrough | None = None
        self.loaded_from_file = False

    def compose(self):
        yield Static(id="s2s-phrase")
        yield Static(id="s2s-encoder")
        yield Static(id="s2s-context")
        yield Static(id="s2s-decoder")
        yield Static(id="s2s-note")

    def on_mount(self) -> None:
        super().on_mount()
        self.focus()
        self.refresh_view()
        self.prepare()

    @work(thread=True, exclusive=True, group="seq2seq-train")
    def prepare(self) -> None:
        model, from_file = seq2seq_model.load_or_train(self.app.data_dir, self.epochs)
        try:
            self.app.call_from_thread(self.ready, Walkthrough(model), from_file)
        except RuntimeError:  # the app closed while it trained; the weights are kept
            pass

    def ready(self, walk: Walkthrough, from_file: bool) -> None:
        if not self.on_screen:  # the learner left while it trained
            return
        self.walk, self.loaded_from_file = walk, from_file
        self.refresh_view()

    # --- keys -------------------------------------------------------------------

    def action_phrase(self, step: int) -> None:
        if self.walk is None:
            return
        self.walk.choose(self.walk.phrase + step)
        self.refresh_view()

    def action_toggle_play(self) -> None:
        if self.walk is not None and self.walk.done and not self.playing:
            self.walk.restart()  # p at the end plays the phrase again
        super().action_toggle_play()

    # --- the animation (AnimatedSection) -------------------------------------------

    @property
    def finished(self) -> bool:
        return self.walk is None or self.walk.done

    def advance(self) -> bool:
        if self.walk is None:
            return False
        going = self.walk.advance()
        if self.walk.done:
            self.mark_complete()
        return going

    def restart(self) -> None:
        if self.walk is not None:
            self.walk.restart()

    # --- drawing ------------------------------------------------------------------

    def refresh_view(self) -> None:
        walk = self.walk
        if walk is None:
            self.query_one("#s2s-phrase", Static).update(Text(
                f"training the translator… ({seq2seq_model.EPOCHS} Adam steps on "
                f"{len(PAIRS)} English → French pairs; done once, then kept)", "bold"))
            for part in ("encoder", "context", "decoder", "note"):
                self.query_one(f"#s2s-{part}", Static).update("")
            return
        self.query_one("#s2s-phrase", Static).update(self.phrase_text())
        self.query_one("#s2s-encoder", Static).update(self.encoder_text())
        self.query_one("#s2s-context", Static).update(self.context_text())
        self.query_one("#s2s-decoder", Static).update(self.decoder_text())
        self.query_one("#s2s-note", Static).update(self.note())

    def phrase_text(self) -> Text:
        walk = self.walk
        losses = walk.model.losses
        trained = f"loss {losses[-1]:.4f} after {len(losses)} steps" if losses else "trained"
        origin = "loaded from your data folder" if self.loaded_from_file else "trained just now"
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(f"Phrase {walk.phrase + 1}/{len(PAIRS)}: “{walk.source_text}”", "bold")
        text.append(f"   (←→ another)\nTranslator: {trained}, {origin}", "dim")
        return text

    def encoder_text(self) -> Text:
        walk, t = self.walk, self.walk.translation
        read = walk.words_read
        current = read - 1 if walk.current and walk.current.kind == "encode" else None
        text = Text(no_wrap=True, overflow="crop")
        text.append("\nENCODER  ", "bold")
        text.append_text(word_row(t.source, read, current))
        if read:
            name = f"h{str(read).translate(SUBSCRIPT)}"
            text.append(f"\n{name:<4} ")
            text.append_text(state_cells(t.encoder_states[read - 1]))
            text.append(f"\n     {numbers(t.encoder_states[read - 1])}", "dim")
        else:
            text.append("\n     h₀ = 0: nothing read yet\n")
        return text

    def context_text(self) -> Text:
        walk, t = self.walk, self.walk.translation
        text = Text(no_wrap=True, overflow="crop")
        if not walk.context_shown:
            text.append("\nCONTEXT  ", "bold")
            text.append("the encoder's last state, once every word is in", "dim")
            return text
        text.append("\nCONTEXT  ", "bold")
        text.append(f"c = h{str(len(t.source)).translate(SUBSCRIPT)}: all the decoder is "
                    "told about the English")
        text.append("\nc    ")
        text.append_text(state_cells(t.context))
        return text

    def decoder_text(self) -> Text:
        walk, t = self.walk, self.walk.translation
        steps = walk.decoder_steps
        fed = [START] + [walk.emitted(j) for j in range(steps)]
        current = steps if walk.current and walk.current.kind == "decode" else None
        text = Text(no_wrap=True, overflow="crop")
        text.append("\nDECODER  ", "bold")
        text.append_text(word_row(fed, len(fed), current))
        if steps:
            j = steps - 1
            p = t.probabilities[j]
            words = walk.model.dst_vocab.words
            best, runner_up = np.argsort(p)[::-1][:2]
            text.append(f"\ns{str(steps).translate(SUBSCRIPT)}   ")
            text.append_text(state_cells(t.decoder_states[j]))
            text.append(f"\n     {numbers(t.decoder_states[j])}", "dim")
            text.append(f"\n     emits “{token(words[best])}” p = {p[best]:.2f}  "
                        f"(next best “{token(words[runner_up])}” {p[runner_up]:.2f})")
        return text

    def note(self) -> Text:
        walk = self.walk
        text = Text(no_wrap=True, overflow="ellipsis")
        if walk.position == 0:
            text.append("\np plays, s steps: the encoder reads one word per beat.")
        elif walk.done:
            mark = "✓ as in the phrase book" if walk.correct else f"✗ the book says “{walk.expected}”"
            text.append(f"\nFrench: {walk.translation.text}  ", "bold")
            text.append(mark)
        else:
            text.append(f"\nFrench so far: {' '.join(walk.output) or '…'}")
        return text
