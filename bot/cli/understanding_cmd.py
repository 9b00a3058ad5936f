"""``oogo train understanding`` and ``oogo eval understanding``.

Training reads ``bot/core/understanding/data/train.jsonl`` and writes the intent model next to
it (deterministic: the same corpus gives the same file). Evaluation reports on the held-out split
by default (``--split train`` for the training part, ``--file`` for any other labelled file).
"""

from __future__ import annotations

from pathlib import Path

import typer

from bot.cli.common import UNAVAILABLE, fail, text, with_help

SPLITS = ("heldout", "train")


def group(app: typer.Typer, name: str, help_text: str) -> typer.Typer:
    """The sub-command group ``name`` of ``app``, created on first use (``oogo eval ...`` may
    also hold evaluations of other parts)."""
    for info in app.registered_groups:
        if info.name == name and info.typer_instance is not None:
            return info.typer_instance
    sub = typer.Typer(help=help_text, no_args_is_help=True)
    app.add_typer(sub, name=name)
    return sub


def register(app: typer.Typer) -> None:
    train_app = group(app, "train", text("help_group_train"))
    eval_app = group(app, "eval", text("help_group_eval_part"))

    def train_understanding(
        corpus: Path | None = typer.Option(None, "--corpus"),
        out: Path | None = typer.Option(None, "--out"),
    ) -> None:
        """Train the intent model on the labelled training sentences."""
        from bot.core.understanding.corpus import TRAIN, CorpusError
        from bot.core.understanding.intent_model import MODEL_PATH, forget_cached
        from bot.core.understanding.train import train
        from indicators.registry import RegionRegistry

        try:
            summary = train(corpus or TRAIN, out or MODEL_PATH, RegionRegistry.load())
        except (CorpusError, OSError) as exc:
            fail(text("train_failed", reason=exc), UNAVAILABLE)
        forget_cached()
        typer.echo(text("train_done", examples=summary["examples"], intents=summary["intents"],
                        features=summary["features"], kilobytes=summary["bytes"] // 1024,
                        path=summary["path"]))

    def eval_understanding(
        split: str = typer.Option("heldout", "--split"),
        file: Path | None = typer.Option(None, "--file"),
        cv: int = typer.Option(0, "--cv"),
    ) -> None:
        """Intent and slot accuracy (by default on the held-out sentences)."""
        from bot.core.understanding.corpus import HELDOUT, TRAIN, CorpusError, load
        from bot.core.understanding.evaluate import evaluate, format_report
        from indicators.registry import RegionRegistry

        if file is None and split not in SPLITS:
            fail(text("eval_bad_split", split=split))
        path = file or (HELDOUT if split == "heldout" else TRAIN)
        try:
            examples = load(path)
        except (CorpusError, OSError) as exc:
            fail(text("eval_unreadable", path=path, reason=exc), UNAVAILABLE)
        registry = RegionRegistry.load()
        if cv > 1:
            from bot.core.understanding.evaluate import cross_validated

            report = cross_validated(examples, registry, folds=cv, latest_year=_latest_year)
            typer.echo(format_report(report, f"{path.name} ({cv}-fold cross-validation)"))
            return
        report = evaluate(examples, registry, model=_model(), latest_year=_latest_year)
        typer.echo(format_report(report, path.name))

    train_app.command("understanding")(with_help(train_understanding, "train_understanding"))
    eval_app.command("understanding")(with_help(eval_understanding, "eval_understanding"))


def _model() -> object:
    from bot.core.understanding.intent_model import shipped_model

    return shipped_model()


def _latest_year() -> int | None:
    """The newest year of the shipped figures (for "sinds 2020")."""
    from bot.services import build_services

    try:
        engine = build_services().indicators
        return max(engine.latest_year(ind) for ind in engine.catalog)
    except Exception:  # noqa: BLE001 - without figures "sinds" ranges end at the asked year
        return None
