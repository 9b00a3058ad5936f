"""``oogo regioscan`` (the scan in the terminal) and ``oogo round create|status|close|result``.

The terminal scan reads plain lines from stdin, so it works interactively and through a pipe.
State lives in the database of OOGO_DATA_DIR (or OOGO_DATABASE_URL), committed after every
answer: stop the program at any moment (Ctrl-C, Ctrl-D, a crash) and the next
``oogo regioscan --user NAME`` offers "verder waar je was". Errors are short Dutch messages
(exit code 2 for bad input, 1 when the database is unavailable), never a traceback.
"""

from __future__ import annotations

import getpass
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from bot.cli.common import UNAVAILABLE, check_language, fail, load_services, with_help
from bot.cli.common import text as cli_text

if TYPE_CHECKING:  # pragma: no cover
    from bot.services import Services

log = logging.getLogger(__name__)





def _default_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name in some containers
        return "terminal"


def _text(name: str, language: str = "nl", /, **values: object) -> str:
    """The sentence ``prompts/regioscan/<language>/cli_<name>.txt``: Dutch, except in a scan
    started with ``--lang en``."""
    from bot.regioscan.texts import t

    return t(language, f"cli_{name}", **values)


def _show(step: Any, language: str) -> None:
    typer.echo("")
    typer.echo(step.text)
    if step.buttons and step.active:
        typer.echo(_text("choices", language, choices=" | ".join(b.label for b in step.buttons)))


def _read_line() -> str | None:
    sys.stdout.write("> ")
    sys.stdout.flush()
    line = sys.stdin.readline()
    return None if line == "" else line.rstrip("\n")


def _ask_role(service: Any, language: str) -> str:
    from bot.regioscan.rounds import parse_role, role_labels

    labels = role_labels(language)
    while True:
        typer.echo(_text("ask_role", language, roles=labels))
        line = _read_line()
        if line is None:
            fail(_text("no_role", language))
        if parse_role(line):
            return line
        typer.echo(_text("unknown_role", language, text=line))


def _export(service: Any, conversation: str, path: Path) -> None:
    """Write the finished scan (own answers with explanations, outcome) as .md or .json."""
    from bot.regioscan.export import personal_json, personal_markdown
    from bot.regioscan.model import ScanState

    record = service.scans.latest_for_conversation(conversation, ("submitted",))
    state = ScanState.from_dict(record.state)
    outcome = service.outcome_of(service.scans.answers(record.id), state.language)
    text = (personal_json(state.answers, outcome) + "\n" if path.suffix.lower() == ".json"
            else personal_markdown(service.definition, state.answers, outcome))
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(_text("unwritable", state.language, path=path, reason=exc.strerror or exc))
    typer.echo(_text("exported", state.language, path=path))


def _run_scan(user: str, code: str | None, role: str | None, language: str,
              chart: Path | None, export: Path | None = None) -> None:
    from bot.regioscan.rounds import RoundError, parse_role
    from bot.storage.errors import StorageUnavailable

    services = load_services()
    service = services.regioscan
    conversation = f"cli:{user}:{(code or 'persoonlijk').upper()}"
    try:
        if code and role and parse_role(role) is None:
            from bot.regioscan.rounds import InvalidRole

            raise InvalidRole(role)
        step = service.start(conversation, user, round_code=code, role=role, language=language)
        if step.kind == "error":  # a round rule (unknown or closed round, unknown role)
            fail(step.text)
        if step.kind == "role":
            typer.echo(step.text)
            step = service.start(conversation, user, round_code=code,
                                 role=_ask_role(service, language), language=language)
            if step.kind == "error":
                fail(step.text)
        _show(step, language)
        while step.active:
            line = _read_line()
            if line is None:
                typer.echo("\n" + _text("saved_on_exit", language))
                return
            if not line.strip():
                continue
            step = service.handle(conversation, user, text=line)
            _show(step, language)
        if step.outcome is not None and chart is not None:
            from bot.regioscan.charts import outcome_chart

            chart.write_bytes(outcome_chart(step.outcome))
            typer.echo(_text("chart_written", language, path=chart))
        if step.outcome is not None and export is not None:
            _export(service, conversation, export)
    except RoundError as exc:
        fail(exc.message)
    except StorageUnavailable as exc:
        fail(exc.message, UNAVAILABLE)
    except KeyboardInterrupt:
        typer.echo("\n" + _text("interrupted", language))
    finally:
        services.close()


def _resolve_region(services: Services, text: str) -> str:
    from bot.regioscan.rounds import REGION_CODE, normalise_region

    code = normalise_region(text)
    if REGION_CODE.match(code):
        return code
    try:
        resolution = services.registry.resolve(text)
    except Exception:  # noqa: BLE001 - registry unavailable: only codes work
        return code
    if resolution.region is not None:
        return resolution.region.code
    candidates = resolution.candidates
    if candidates:
        names = ", ".join(f"{c.name} ({c.code})" for c in candidates[:6])
        fail(_text("region_ambiguous", text=text, names=names))
    return code


def _status_lines(status: Any) -> list[str]:
    from bot.regioscan.rounds import role_label
    from bot.regioscan.texts import t

    state = t("nl", "status_open" if status.status == "open" else "status_closed")
    lines = _text("status", code=status.code, title=status.title, region=status.region,
                  status=state, joined=status.joined, submitted=status.submitted).split("\n")
    for role, counts in status.per_role.items():
        lines.append("  " + _text("status_role", role=role_label(role), joined=counts["joined"],
                                  submitted=counts["submitted"]))
    return lines


def _round_call(func: Any) -> Any:
    from bot.regioscan.rounds import RoundError
    from bot.storage.errors import StorageUnavailable

    services = load_services()
    try:
        return func(services)
    except RoundError as exc:
        fail(exc.message)
    except StorageUnavailable as exc:
        fail(exc.message, UNAVAILABLE)
    finally:
        services.close()


def round_create(
    region: str = typer.Argument(...),
    title: str = typer.Option("", "--title", "-t"),
) -> None:
    """Create a round; its help text is help_round_create."""

    def create(services: Services) -> None:
        code = _resolve_region(services, region)
        record, invite, token = services.regioscan.create_round(code, title)
        typer.echo(_text("round_created", title=record.title, region=record.region,
                         code=invite, token=token))

    _round_call(create)


def round_status(
    code: str = typer.Argument(...),
    token: str = typer.Option(..., "--token"),
) -> None:
    """Counts per role of a round (help_round_status)."""
    status = _round_call(lambda s: s.regioscan.round_status(code, token))
    typer.echo("\n".join(_status_lines(status)))


def round_close(
    code: str = typer.Argument(...),
    token: str = typer.Option(..., "--token"),
) -> None:
    """Close a round (help_round_close)."""
    status = _round_call(lambda s: s.regioscan.close_round(code, token))
    typer.echo(_text("round_closed", code=status.code))
    typer.echo("\n".join(_status_lines(status)))


def round_result(
    code: str = typer.Argument(...),
    fmt: str = typer.Option("md", "--format", "-f"),
    output: Path | None = typer.Option(None, "--output", "-o"),
) -> None:
    """The result of a closed round (help_round_result)."""
    from bot.regioscan.export import round_result_json, round_result_markdown

    if fmt not in ("md", "json"):
        fail(_text("unknown_format"))
    result = _round_call(lambda s: s.regioscan.round_result(code))
    text = round_result_markdown(result) if fmt == "md" else round_result_json(result) + "\n"
    if output is None:
        typer.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(_text("unwritable", path=output, reason=exc.strerror or exc))
    typer.echo(_text("result_written", path=output))


def register(app: typer.Typer) -> None:
    """Add this group's commands to the oogo app."""

    def regioscan(
        user: str = typer.Option(None, "--user", "-u"),
        code: str = typer.Option(None, "--code", "-c"),
        role: str = typer.Option(None, "--role", "-r"),
        language: str = typer.Option("nl", "--lang"),
        chart: Path | None = typer.Option(None, "--chart"),
        export: Path | None = typer.Option(
            None, "--export"),
    ) -> None:
        """The regioscan in the terminal (help_regioscan)."""
        _run_scan(user or _default_user(), code, role, check_language(language), chart, export)

    app.command("regioscan")(with_help(regioscan, "regioscan"))
    round_app = typer.Typer(help=cli_text("help_group_round"), no_args_is_help=True)
    round_app.command("create")(with_help(round_create, "round_create"))
    round_app.command("status")(with_help(round_status, "round_status"))
    round_app.command("close")(with_help(round_close, "round_close"))
    round_app.command("result")(with_help(round_result, "round_result"))
    app.add_typer(round_app, name="round")
