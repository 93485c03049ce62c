"""Acronyms defined on a line of their own: "ACR - Full Name", "ACR: Full Name" (glossaries written as lines,
not tables). The full name's initials must spell the acronym, so "Chair - Jane Smith" defines nothing."""
from __future__ import annotations

import re

from loaders.mentions import abbreviates
from loaders.rules.registry import Context, rule
from loaders.structure import Block

ACRONYM = re.compile(r"[A-Z][A-Za-z&]{1,8}")


@rule("acronym-line", input="label", output="alias")
def acronym_line(ctx: Context, block: Block) -> None:
    label = block.label.strip()
    if not ACRONYM.fullmatch(label) or sum(ch.isupper() for ch in label) < 2:
        return
    value = block.text[block.value_start - block.start:].strip().rstrip(".;,")
    found = [m for m in ctx.mentions_in(value, block.value_start) if m.label == "Body"]
    if not found or found[0].start != block.value_start or not abbreviates(label, found[0].name):
        return
    ref = ctx.register(found[0], "acronym-line")
    if ref is not None:
        ctx.raw.aliases.append((ref, label, ctx.ev(block.start, block.end, "acronym-line")))
