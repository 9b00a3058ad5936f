"""One plain-text rendering of a ``Reply`` for every text channel (terminal, Telegram, JSON).

Why one place: the answer's surroundings (definition and source lines, the demonstration-figures
notice, the cited passages) must appear exactly once, in the reply's language, whatever channel
shows it and whether or not an LLM rephrased the answer itself. The web page renders the same
parts as separate elements instead.
"""

from __future__ import annotations

from bot.core.messages import Reply


def citation_lines(reply: Reply) -> list[str]:
    """'Bron: <document title> — <heading>', once per cited section (none without citations:
    most replies, and every figure answer, have none, issue 18)."""
    if not reply.citations:
        return []
    from prompts.loader import templates

    t = templates()
    lines: list[str] = []
    for citation in reply.citations:
        line = t.render("citation", reply.language, label=citation.label)
        if line not in lines:
            lines.append(line)
    return lines


def render_plain(reply: Reply, *, with_citations: bool = True) -> str:
    """The answer, then its definition/source lines, notices and citations, as plain text."""
    blocks = [reply.text.strip()]
    if reply.scan_result and reply.scan_result.get("text"):
        blocks.append(str(reply.scan_result["text"]).strip())
    if reply.about:
        blocks.append("\n".join(line for line in reply.about if line))
    notices = [n.text for n in reply.notices if n.text]
    if notices:
        blocks.append("\n".join(notices))
    if with_citations:
        cites = citation_lines(reply)
        if cites:
            blocks.append("\n".join(cites))
    return "\n\n".join(b for b in blocks if b)
