"""compose.yaml refuses to start without a database password of the operator's own.

No Docker engine here: the test applies compose's variable rules (``${VAR:?msg}`` fails when VAR
is unset or empty, ``${VAR:-default}``, ``$$`` is a literal ``$``) to the file as compose would,
and runs the PostgreSQL service's entrypoint guard in a real shell.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
_VAR = re.compile(r"\$\$|\$\{(\w+)(?:(:?[?-])([^}]*))?\}")


class MissingVariable(ValueError):
    pass


def interpolate(value: Any, env: dict[str, str]) -> Any:
    """Compose's interpolation of one value of the file (recursively for lists and maps)."""
    if isinstance(value, dict):
        return {k: interpolate(v, env) for k, v in value.items()}
    if isinstance(value, list):
        return [interpolate(v, env) for v in value]
    if not isinstance(value, str):
        return value

    def one(match: re.Match[str]) -> str:
        if match.group(0) == "$$":
            return "$"
        name, op, arg = match.group(1), match.group(2), match.group(3)
        current = env.get(name)
        empty = current is None or (op is not None and op.startswith(":") and current == "")
        if op and op.endswith("?") and empty:
            raise MissingVariable(f"{name}: {arg}")
        if op and op.endswith("-") and empty:
            return arg
        return current or ""

    return _VAR.sub(one, value)


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("env", [{}, {"POSTGRES_PASSWORD": ""}])
def test_no_start_without_a_password(compose, env) -> None:
    for name in ("postgres", "app", "indexer", "telegram"):
        with pytest.raises(MissingVariable, match="POSTGRES_PASSWORD"):
            interpolate(compose["services"][name], env)


def test_no_default_password_left_in_the_file() -> None:
    text = (ROOT / "compose.yaml").read_text(encoding="utf-8")
    assert not re.search(r"POSTGRES_PASSWORD:-", text)


def test_password_reaches_database_and_app(compose) -> None:
    env = {"POSTGRES_PASSWORD": "een-eigen-lang-wachtwoord"}
    postgres = interpolate(compose["services"]["postgres"], env)
    app = interpolate({**compose["x-oogo"], **compose["services"]["app"]}, env)
    assert postgres["environment"]["POSTGRES_PASSWORD"] == env["POSTGRES_PASSWORD"]
    assert f":{env['POSTGRES_PASSWORD']}@postgres:" in app["environment"]["OOGO_DATABASE_URL"]
    assert app["environment"]["OOGO_LLM"] == "" and app["environment"]["OOGO_LLM_TIMEOUT"] == "8"
    assert app["build"]["args"]["OOGO_EXTRAS"] == "postgres"
    with_llm = interpolate(compose["x-oogo"], {**env, "OOGO_EXTRAS": "postgres,llm"})
    assert with_llm["build"]["args"]["OOGO_EXTRAS"] == "postgres,llm"


@pytest.mark.parametrize("password,starts", [("oogo-change-me", False), ("iets-eigens-123", True)])
def test_database_refuses_the_old_sample_password(compose, password, starts) -> None:
    env = {"POSTGRES_PASSWORD": password}
    entrypoint = interpolate(compose["services"]["postgres"], env)["entrypoint"]
    assert entrypoint[:2] == ["/bin/sh", "-c"]
    script = entrypoint[2].replace("exec docker-entrypoint.sh postgres", "echo started")
    run = subprocess.run(["/bin/sh", "-c", script], env={"POSTGRES_PASSWORD": password},
                         capture_output=True, text=True, timeout=10)
    assert (run.returncode == 0 and "started" in run.stdout) is starts, run
    if not starts:
        assert "voorbeeldwachtwoord" in run.stderr
