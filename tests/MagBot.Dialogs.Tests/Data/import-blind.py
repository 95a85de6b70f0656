#!/usr/bin/env python3
"""Converts the blind held-out sets (TSV, written by people who never saw the code or the training data)
into the YAML that `magbot nlu-eval` reads. Nothing is tuned on these files: they are only scored.

  python3 tests/MagBot.Dialogs.Tests/Data/import-blind.py /work/blind/intents-1.tsv /work/blind/facts-1.tsv

intents-N.tsv  intent<TAB>text     -> blind-intents-N.yaml  (version 1, 'intents:' grouped by intent)
facts-N.tsv    key<TAB>question    -> blind-facts-N.yaml    (version 1, 'answers:' with expect: [keys], [] for none)
A text that appears twice (after trimming and lower-casing) is kept once, as the evaluator requires.
"""
import json, os, sys
from collections import OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))
HEADER = "# Blind held-out set, converted from {src} by import-blind.py. Written by people who never saw the code or\n" \
         "# the training data. Scored only (nlu-eval); never read to write training data or tune anything.\n"

def rows(path):
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip():
                continue
            label, sep, text = line.partition("\t")
            if not sep or not text.strip():
                sys.exit(f"{path}:{n}: expected label<TAB>text")
            yield label.strip(), text.strip()

def q(s):
    return json.dumps(s, ensure_ascii=False)

def convert_intents(path, out):
    groups, seen, dropped = OrderedDict(), set(), 0
    for intent, text in rows(path):
        key = " ".join(text.lower().split())
        if key in seen:
            dropped += 1
            continue
        seen.add(key)
        groups.setdefault(intent, []).append(text)
    with open(out, "w", encoding="utf-8") as f:
        f.write(HEADER.format(src=os.path.basename(path)))
        f.write("version: 1\nintents:\n")
        for intent, texts in groups.items():
            f.write(f"  - intent: {intent}\n    examples:\n")
            for t in texts:
                f.write(f"      - {q(t)}\n")
    print(f"{out}: {sum(len(t) for t in groups.values())} messages, {len(groups)} intents, {dropped} duplicates dropped")

def convert_facts(path, out):
    seen, items, dropped = set(), [], 0
    for label, text in rows(path):
        key = " ".join(text.lower().split())
        if key in seen:
            dropped += 1
            continue
        seen.add(key)
        keys = [] if label == "none" else [k.strip() for k in label.split("|") if k.strip()]
        items.append((text, keys))
    with open(out, "w", encoding="utf-8") as f:
        f.write(HEADER.format(src=os.path.basename(path)))
        f.write("version: 1\nanswers:\n")
        for text, keys in items:
            f.write(f"  - text: {q(text)}\n    expect: [{', '.join(keys)}]\n")
    print(f"{out}: {len(items)} questions, {sum(1 for _, k in items if not k)} answered by no fact, {dropped} duplicates dropped")

for arg in sys.argv[1:]:
    name = os.path.basename(arg)
    stem, _ = os.path.splitext(name)
    if name.startswith("intents-"):
        convert_intents(arg, os.path.join(HERE, "blind-" + stem + ".yaml"))
    elif name.startswith("facts-"):
        convert_facts(arg, os.path.join(HERE, "blind-" + stem + ".yaml"))
    else:
        sys.exit(f"{arg}: expected intents-N.tsv or facts-N.tsv")
