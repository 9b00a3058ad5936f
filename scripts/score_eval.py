#!/usr/bin/env python3
"""Score the assistant on a question set by the rules of ../shared/eval/README.md.

Usage:
    python3 scripts/score_eval.py [QUESTIONS.jsonl]            # runs the Assistant in-process
    python3 scripts/score_eval.py QUESTIONS.jsonl --cli         # runs `oogo ask --batch ... --json`
    python3 scripts/score_eval.py QUESTIONS.jsonl --results OUT.jsonl   # scores saved output

A question is "fully right" when every expectation holds, every fact equals the shipped data
for its (indicator, region, category, year), and every percentage in the answer is one of the
facts. The script prints the failures per question and the share fully right.

Two expectations beyond the README, for the project's own sets: ``indicators`` (a fact for each
of these indicator ids: several figures asked in one question) and ``swv_min`` (facts for at
least that many samenwerkingsverbanden: a ranking of partnerships).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _shared_eval() -> Path:
    """../shared/eval next to the checkout, or /work/shared/eval for a worktree deeper down."""
    for base in (ROOT.parent, *ROOT.parents):
        candidate = base / "shared" / "eval" / "dev_questions.jsonl"
        if candidate.exists():
            return candidate
    return ROOT.parent / "shared" / "eval" / "dev_questions.jsonl"


DEFAULT_QUESTIONS = _shared_eval()
PERCENT = re.compile(r"(?<![\d.,])(\d{1,3}(?:[.,]\d+)?)\s*(?:%|procent\b|percent\b)")
NUMBER = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)*")
TOLERANCE = 0.051


def load_shipped(data_dir: Path | None = None) -> dict[tuple[str, str, str, int], dict]:
    """Every row of the shipped long-format indicator CSVs, by (indicator, region, category,
    year)."""
    data_dir = data_dir or ROOT / "indicators" / "data"
    rows: dict[tuple[str, str, str, int], dict] = {}
    for path in sorted(data_dir.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            if not {"indicator", "region", "category", "year", "value"} <= set(
                    reader.fieldnames or []):
                continue
            for row in reader:
                key = (row["indicator"], row["region"], row["category"], int(row["year"]))
                rows[key] = row
    return rows


def _num(text: str) -> float:
    """'4,8' / '4.8' -> 4.8 (percentages and ratios are small, so one mark is a decimal)."""
    return float(text.replace(",", "."))


def _float(value: str | None) -> float | None:
    if value in (None, ""):
        return None
    return float(value)


def _rest_row(fact: dict, shipped: dict) -> dict | None:
    """The shipped figure of a region without one gemeente (a fact with ``excluding``): the rest
    of a samenwerkingsverband, computed from the two shipped rows (relative risks from the four
    counts of the demo count file)."""
    ind, region, cat, year = (fact.get(k) for k in ("indicator", "region", "category", "year"))
    whole, part = shipped.get((ind, region, cat, year)), shipped.get(
        (ind, fact["excluding"], cat, year))
    if whole is None or part is None:
        return None
    if ind == "neet_rr":
        counts = _rr_counts()
        a, b = counts.get((region, cat, year)), counts.get((fact["excluding"], cat, year))
        if a is None or b is None:
            return None
        w, n1, c, n0 = (x - y for x, y in zip(a, b, strict=True))
        value = round((w / n1) / (c / n0), 2) if n1 and n0 and c else None
        return {"value": "" if value is None else str(value), "numerator": "", "denominator": ""}
    if not whole.get("numerator") or not part.get("numerator"):
        return None
    num = int(whole["numerator"]) - int(part["numerator"])
    den = int(whole["denominator"]) - int(part["denominator"])
    return {"value": str(round(100.0 * num / den, 1)) if den else "", "numerator": str(num),
            "denominator": str(den)}


def _rr_counts() -> dict[tuple[str, str, int], tuple[int, ...]]:
    path = ROOT / "indicators" / "data" / "neet_rr_counts_demo.csv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {(r["region"], r["category"], int(r["year"])): tuple(
            int(r[k]) for k in ("neet_with", "n_with", "neet_without", "n_without"))
            for r in csv.DictReader(handle)}


def check_fact(fact: dict, shipped: dict) -> str | None:
    key = (fact.get("indicator"), fact.get("region"), fact.get("category"), fact.get("year"))
    row = _rest_row(fact, shipped) if fact.get("excluding") else shipped.get(key)
    if row is None:
        return f"fact {key} is not in the shipped data"
    expected = _float(row.get("value"))
    if fact.get("value") is None:
        if expected is not None and not fact.get("suppressed"):
            return f"fact {key} has no value, data has {expected}"
        return None
    if expected is None or abs(float(fact["value"]) - expected) > 1e-9:
        return f"fact {key} value {fact['value']} != data {expected}"
    for field in ("numerator", "denominator"):
        data = _float(row.get(field))
        if fact.get(field) is not None and data is not None and float(fact[field]) != data:
            return f"fact {key} {field} {fact[field]} != data {data}"
    return None


def check(question: dict, result: dict, shipped: dict) -> list[str]:
    """All the reasons a result is not fully right (empty list: fully right)."""
    exp = question.get("expect", {})
    problems: list[str] = []
    if "error" in result:
        return [f"error: {result['error']}"]
    facts = result.get("facts", [])
    fact_regions = [f["region"] for f in facts]
    if exp.get("intent") and result.get("intent") not in exp["intent"]:
        problems.append(f"intent {result.get('intent')} not in {exp['intent']}")
    if exp.get("indicator") and not any(f["indicator"] == exp["indicator"] for f in facts):
        problems.append(f"no fact for indicator {exp['indicator']}")
    for indicator in exp.get("indicators", []):  # several figures asked in one question
        if not any(f["indicator"] == indicator for f in facts):
            problems.append(f"no fact for indicator {indicator}")
    if exp.get("category") and not any(f["category"] == exp["category"] for f in facts):
        problems.append(f"no fact for category {exp['category']}")
    for code in exp.get("regions", []):
        if code not in fact_regions:
            problems.append(f"no fact for region {code}")
    if exp.get("swv") and not any(r[:2] in ("PO", "VO") for r in fact_regions):
        problems.append("no fact for a samenwerkingsverband")
    if exp.get("peers_min"):
        own = set(exp.get("regions", []))
        peers = {r for r in fact_regions if r.startswith("GM") and r not in own}
        if len(peers) < exp["peers_min"]:
            problems.append(f"only {len(peers)} peers (need {exp['peers_min']})")
    if exp.get("swv_min"):  # a ranking of samenwerkingsverbanden
        swvs = {r for r in fact_regions if r[:2] in ("PO", "VO")}
        if len(swvs) < exp["swv_min"]:
            problems.append(f"only {len(swvs)} samenwerkingsverbanden (need {exp['swv_min']})")
    if exp.get("min_years"):
        first = (exp.get("regions") or fact_regions or [None])[0]
        years = {f["year"] for f in facts if f["region"] == first}
        if len(years) < exp["min_years"]:
            problems.append(f"only {len(years)} years for {first} (need {exp['min_years']})")
    if exp.get("year") and not any(f["year"] == exp["year"] for f in facts):
        problems.append(f"no fact for year {exp['year']}")
    if exp.get("options_include"):
        offered = set(result.get("options", [])) | {r["code"] for r in result.get("regions", [])}
        missing = [c for c in exp["options_include"] if c not in offered]
        if missing:
            problems.append(f"options miss {missing}")
    if exp.get("passage_contains"):
        texts = " ".join(p.get("text", "") for p in result.get("passages", [])[:3]).lower()
        if not any(phrase.lower() in texts for phrase in exp["passage_contains"]):
            problems.append(f"no passage contains any of {exp['passage_contains']}")
    if exp.get("answer_contains"):
        answer = result.get("answer", "").lower()
        if not any(phrase.lower() in answer for phrase in exp["answer_contains"]):
            problems.append(f"the answer contains none of {exp['answer_contains']}")
    if exp.get("no_facts") and facts:
        problems.append(f"{len(facts)} facts where none were expected")
    if exp.get("no_value") is not None:
        stated = {_num(n) for n in NUMBER.findall(result.get("answer", "").replace(".", ""))
                  if n.replace(",", "").isdigit() or "," in n}
        if float(exp["no_value"]) in stated:
            problems.append(f"answer states {exp['no_value']}")
    if exp.get("indicator_or_passage"):
        ind = exp["indicator_or_passage"]
        if not (any(f["indicator"] == ind for f in facts) or result.get("passages")):
            problems.append(f"neither a {ind} fact nor passages")
    for fact in facts:
        problem = check_fact(fact, shipped)
        if problem:
            problems.append(problem)
    values = [f["value"] for f in facts if f.get("value") is not None]
    cited = " ".join(p.get("text", "") for p in result.get("passages", []))
    for match in PERCENT.finditer(result.get("answer", "")):
        number = _num(match.group(1))
        if any(abs(number - v) <= TOLERANCE for v in values):
            continue
        if _in_passages(number, cited):
            continue
        problems.append(f"percentage {match.group(0)!r} in the answer is not a fact")
    return problems


def _in_passages(number: float, cited: str) -> bool:
    """A percentage that stands in one of the cited passages (README: "or stand in one of the
    cited passages")."""
    return any(abs(_num(m.group(1)) - number) <= TOLERANCE for m in PERCENT.finditer(cited))


def run_in_process(questions: list[dict], services: object | None = None) -> list[dict]:
    """Answer the questions with the Assistant, exactly as `oogo ask --batch --json` does."""
    sys.path.insert(0, str(ROOT))
    from bot.cli.ask_cmd import _assistant, batch_line
    from bot.services import build_services
    from bot.settings import Settings

    assistant = _assistant(services or build_services(Settings()))
    return [batch_line(assistant, json.dumps(q), n) for n, q in enumerate(questions, start=1)]


def run_cli(path: Path) -> list[dict]:
    out = subprocess.run(["oogo", "ask", "--batch", str(path), "--json"], check=True,
                         capture_output=True, text=True)
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


def score(questions: list[dict], results: list[dict], shipped: dict) -> tuple[float, dict]:
    failures: dict[str, list[str]] = {}
    for question, result in zip(questions, results, strict=True):
        problems = check(question, result, shipped)
        if problems:
            failures[question["id"]] = problems
    right = len(questions) - len(failures)
    return (right / len(questions) if questions else 0.0), failures


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def score_file(path: Path, services: object | None = None) -> tuple[float, dict]:
    """Answer and score the questions of ``path`` in-process (the tests' held-out sets)."""
    questions = read_jsonl(path)
    return score(questions, run_in_process(questions, services), load_shipped())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("questions", nargs="?", type=Path, default=DEFAULT_QUESTIONS)
    parser.add_argument("--cli", action="store_true", help="run `oogo ask --batch` instead")
    parser.add_argument("--results", type=Path, help="score this saved --json output")
    args = parser.parse_args(argv)
    questions = read_jsonl(args.questions)
    if args.results:
        results = read_jsonl(args.results)
    elif args.cli:
        results = run_cli(args.questions)
    else:
        results = run_in_process(questions)
    share, failures = score(questions, results, load_shipped())
    for qid, problems in failures.items():
        question = next(q for q in questions if q["id"] == qid)
        print(f"FAIL {qid}: {question['question']}")
        for problem in problems:
            print(f"     - {problem}")
    right = len(questions) - len(failures)
    print(f"fully right: {right}/{len(questions)} = {share:.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
