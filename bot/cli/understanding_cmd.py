"""``oogo train understanding`` and ``oogo eval understanding``.

Training reads ``bot/core/understanding/data/train.jsonl`` and writes the intent model next to
it (deterministic: the same corpus gives the same file). Evaluation reports on the held-out split
by default (``--split train`` for the training part, ``--file`` for any other labelled file).
"""

from __future__ import annotations

from pathlib import Path

import typer

from bot.cli.common import UNAVAILABLE, fail

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
    train_app = group(app, "train", "Train a model from the labelled data in the repository.")
    eval_app = group(app, "eval", "Measure a part of the assistant on labelled data.")

    @train_app.command("understanding")
    def train_understanding(
        corpus: Path | None = typer.Option(None, "--corpus", help="Trainingsbestand (JSONL)."),
        out: Path | None = typer.Option(None, "--out", help="Waar het model komt (.npz)."),
    ) -> None:
        """Train het intentiemodel op de gelabelde trainingszinnen."""
        from bot.core.understanding.corpus import TRAIN, CorpusError
        from bot.core.understanding.intent_model import MODEL_PATH, forget_cached
        from bot.core.understanding.train import train
        from indicators.registry import RegionRegistry

        try:
            summary = train(corpus or TRAIN, out or MODEL_PATH, RegionRegistry.load())
        except (CorpusError, OSError) as exc:
            fail(f"Trainen lukt niet: {exc}", UNAVAILABLE)
        forget_cached()
        typer.echo(f"Model getraind op {summary['examples']} zinnen "
                   f"({summary['intents']} intenties, {summary['features']} kenmerken), "
                   f"{summary['bytes'] // 1024} kB: {summary['path']}")

    @eval_app.command("understanding")
    def eval_understanding(
        split: str = typer.Option("heldout", "--split", help="heldout of train."),
        file: Path | None = typer.Option(None, "--file", help="Een ander gelabeld bestand."),
        cv: int = typer.Option(0, "--cv", help="Kruisvalidatie met N delen (alleen bij "
                                                "--split train): elk deel met een model dat "
                                                "het niet zag."),
    ) -> None:
        """Meet intentie- en slotnauwkeurigheid (standaard op de held-out zinnen)."""
        from bot.core.understanding.corpus import HELDOUT, TRAIN, CorpusError, load
        from bot.core.understanding.evaluate import evaluate, format_report
        from indicators.registry import RegionRegistry

        if file is None and split not in SPLITS:
            fail(f"Kies --split heldout of --split train (niet '{split}').")
        path = file or (HELDOUT if split == "heldout" else TRAIN)
        try:
            examples = load(path)
        except (CorpusError, OSError) as exc:
            fail(f"Kan '{path}' niet lezen: {exc}", UNAVAILABLE)
        registry = RegionRegistry.load()
        if cv > 1:
            from bot.core.understanding.evaluate import cross_validated

            report = cross_validated(examples, registry, folds=cv, latest_year=_latest_year)
            typer.echo(format_report(report, f"{path.name} ({cv}-fold cross-validation)"))
            return
        report = evaluate(examples, registry, model=_model(), latest_year=_latest_year)
        typer.echo(format_report(report, path.name))


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
