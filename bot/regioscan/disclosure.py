"""When a figure of a regioscan round may be published: the anonymity rules in one place.

Why these rules (the full reasoning is in docs/notes/security.md): a published figure is a
function of the answers of a group. Whoever controls every other member of that group (extra
identities, "sock puppets", or colleagues who share their answers) can read the one remaining
member's contribution from ANY exact figure, and from rounded figures whenever the others are
placed next to a rounding boundary. No deterministic figure resists an attacker who owns all but
one member; what a rule can do is make that attack need many members. So:

* A group (everyone, or one role) is shown only with at least ``MIN_GROUP`` (5) respondents.
* A figure (a theme mean, a statement's distribution) is shown only when it rests on at least
  ``MIN_ANSWERS`` (10) answers of which at least ``MIN_GROUP`` differ from the most common
  answer. An attacker therefore needs at least 9 extra identities in the victim's group, each
  submitting the whole scan, before a figure that involves the victim appears at all; with fewer
  the published result is the same whatever the victim answered. Identities that all give the
  same answers (the reported attack) never make a figure appear, however many there are. The
  same rule stops "homogeneity" disclosure: we never publish that all but a few people of a
  group gave one exact answer.
* Statements are published as a distribution over three answer groups (oneens 1-2, neutraal 3,
  eens 4-5, plus "weet ik niet"), never as means; a group of answers with 1 to 4 people is merged
  with its neighbour, so no published count is below 5. Even past the 9-identity mark an attacker
  learns an answer group, not the 1-5 answer.
* Role figures appear only when every shown role and the remaining respondents (the other roles
  together, when there are any) pass the figure rule, so "everyone minus the shown roles" never
  singles out a small role. Roles with fewer than 5 respondents are never named or counted.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from bot.regioscan.texts import t

MIN_GROUP = 5
MIN_ANSWERS = 2 * MIN_GROUP

#: answer groups of a statement, in scale order; "weet ik niet" (None) is kept apart. The ids
#: are shown through the ``group_<id>`` templates ("oneens", "neutraal", "eens", "weet ik niet").
ANSWER_GROUPS: tuple[tuple[str, tuple[int | None, ...]], ...] = (
    ("disagree", (1, 2)), ("neutral", (3,)), ("agree", (4, 5)),
)
DONT_KNOW = "dont_know"


@dataclass(frozen=True, slots=True)
class AnswerGroup:
    """One published cell of a statement: which answers it covers and how many gave them."""

    label: str
    answers: tuple[int | None, ...]
    count: int


def publishable(values: Sequence[Hashable], min_group: int = MIN_GROUP) -> bool:
    """The figure rule: at least 2*min_group values, min_group of them unlike the most common."""
    if len(values) < 2 * min_group:
        return False
    most_common = Counter(values).most_common(1)[0][1]
    return len(values) - most_common >= min_group


def shown_roles(role_counts: dict[str, int], order: Sequence[str],
                min_group: int = MIN_GROUP) -> list[str]:
    """Roles that may be shown: at least ``min_group`` each, and the respondents of the other
    roles together either none or at least ``min_group`` (otherwise the smallest shown role
    joins the rest, until that holds)."""
    shown = [r for r in order if role_counts.get(r, 0) >= min_group]
    rest = sum(n for r, n in role_counts.items() if r not in shown)
    while shown and 0 < rest < min_group:
        smallest = min(reversed(shown), key=lambda r: role_counts[r])
        shown.remove(smallest)
        rest += role_counts[smallest]
    return shown


def _join(groups: list[str]) -> str:
    """The (Dutch) label of merged groups: "oneens", "oneens of neutraal", "a, b of c"."""
    labels = [t("nl", f"group_{g}") for g in groups]
    if len(labels) == 1:
        return labels[0]
    return t("nl", "group_or", first=", ".join(labels[:-1]), last=labels[-1])


def distribution(answers: Sequence[int | None],
                 min_group: int = MIN_GROUP) -> list[AnswerGroup]:
    """The answer groups of one statement with every non-empty cell at least ``min_group``.

    "weet ik niet" under the threshold joins "neutraal" (both: no outspoken opinion); then any
    cell of 1 to min_group-1 merges with its nearest non-empty neighbour (the smaller one when
    both sides have answers), until no small cell is left. Call only for publishable answers.
    """
    counts = Counter(answers)
    cells: list[tuple[list[str], list[int | None], int]] = [
        ([label], list(values), sum(counts[v] for v in values)) for label, values in ANSWER_GROUPS
    ]
    unknown = counts[None]
    if unknown >= min_group:
        cells.append(([DONT_KNOW], [None], unknown))
    elif unknown:
        labels, values, count = cells[1]
        cells[1] = (labels + [DONT_KNOW], values + [None], count + unknown)
    while True:
        small = next((i for i, c in enumerate(cells) if 0 < c[2] < min_group), None)
        if small is None:
            break
        left = next((j for j in range(small - 1, -1, -1) if cells[j][2]), None)
        right = next((j for j in range(small + 1, len(cells)) if cells[j][2]), None)
        if left is None and right is None:
            break  # a single small cell: the caller's figure rule prevents this
        choose = left if right is None or (left is not None and cells[left][2] <= cells[right][2]) \
            else right
        lo, hi = sorted((small, choose))
        merged = cells[lo:hi + 1]
        cells[lo:hi + 1] = [([lab for c in merged for lab in c[0]],
                             [v for c in merged for v in c[1]], sum(c[2] for c in merged))]
    return [AnswerGroup(_join(labels), tuple(values), count) for labels, values, count in cells]
