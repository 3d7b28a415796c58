#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""pseudo-po.py IN.pot OUT.po: a pseudo-translation of every message.

Each string becomes "[Ƥŕőƒíĺé~~~]": accented letters show that the text
came through gettext, the brackets show where it starts and ends (a label
without them was not marked for translation, or was cut off), and about a
third more length shows whether the layout survives a longer language.
printf codes (%s, %'d, %-d, %B), mnemonics, markup, entities and escapes
are kept as they are, so the program still works in it."""
import re
import sys

ACCENTS = dict(zip(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "áƀćđéƒĝĥíĵķĺḿńőƥʠŕśťúṽŵẋýźÁƁĆĐÉƑĜĤÍĴĶĹḾŃŐƤɊŔŚŤÚṼŴẊÝŹ"))
KEEP = re.compile(r"%(?:\d+\$)?[-'#0 +_^]*\d*(?:\.\d+)?(?:hh|h|ll|l|j|z|t|L|E|O)?[a-zA-Z%]"
                  r"|%<\w+>|<[^>]*>|&\w+;|&#\d+;|\\[nt\"\\]|_(?=\w)")


def pseudo(text):
    if text == "":
        return ""
    # line ends stay outside the brackets, where gettext checks for them
    head = re.match(r"^(?:\\n)*", text).group(0)
    tail = re.search(r"(?:\\n)*$", text[len(head):]).group(0)
    if head or tail:
        return head + pseudo(text[len(head):len(text) - len(tail)]) + tail
    out, pos = [], 0
    for m in KEEP.finditer(text):
        out.append("".join(ACCENTS.get(c, c) for c in text[pos:m.start()]))
        out.append(m.group(0))
        pos = m.end()
    out.append("".join(ACCENTS.get(c, c) for c in text[pos:]))
    body = "".join(out)
    letters = sum(c.isalpha() for c in text)
    return "[" + body + "~" * max(1, (letters * 3 + 9) // 10) + "]"


def unquote(lines):
    return "".join(re.match(r'^\s*(?:msgid|msgid_plural|msgstr(?:\[\d+\])?|msgctxt)?\s*"(.*)"\s*$', l).group(1)
                   for l in lines)


def main(src, dst):
    entries, current, key = [], {}, None
    for line in open(src, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip():
            if current:
                entries.append(current)
            current, key = {}, None
            continue
        if line.startswith("#"):
            current.setdefault("comments", []).append(line)
            continue
        m = re.match(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s", line)
        if m:
            key = m.group(1)
            current.setdefault(key, []).append(line)
        elif key:
            current[key].append(line)
    if current:
        entries.append(current)

    with open(dst, "w", encoding="utf-8") as out:
        for entry in entries:
            comments = [c for c in entry.get("comments", []) if c.startswith("#,") and "fuzzy" not in c]
            for c in comments:
                out.write(c + "\n")
            if "msgctxt" in entry:
                out.write("\n".join(entry["msgctxt"]) + "\n")
            msgid = unquote(entry["msgid"])
            out.write("\n".join(entry["msgid"]) + "\n")
            if msgid == "":
                out.write('msgstr ""\n"Project-Id-Version: bespoke\\n"\n"PO-Revision-Date: 2026-12-05 00:00+0000\\n"\n'
                          '"Last-Translator: pseudo-po.py\\n"\n"Language-Team: none\\n"\n"Language: en@pseudo\\n"\n'
                          '"MIME-Version: 1.0\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
                          '"Content-Transfer-Encoding: 8bit\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n')
                continue
            if "msgid_plural" in entry:
                out.write("\n".join(entry["msgid_plural"]) + "\n")
                plural = unquote(entry["msgid_plural"])
                out.write(f'msgstr[0] "{pseudo(msgid)}"\nmsgstr[1] "{pseudo(plural)}"\n\n')
            else:
                out.write(f'msgstr "{pseudo(msgid)}"\n\n')


main(sys.argv[1], sys.argv[2])
