#!/usr/bin/env python3
"""Regenerates word-senses.txt, the WordNet senses MagBot's understanding reads as features, from the Debian package
wordnet-base (WordNet 3.0, /usr/share/wordnet).
   apt-get install wordnet-base && python3 dialogs/Understanding/Lexicon/generate-word-senses.py

Kept, to stay small and to words a chat user types: single lower-case words of 3 letters or more that are also in the
medication recognizer's english-words.txt (the SCOWL list of ordinary English), minus a short list of function words;
for each, its first SENSES senses in each part of speech and, for its first sense in each, the synset above it (a noun's or
verb's hypernym, an adjective satellite's head). Synsets are renumbered (most used first) and a synset only one word
would fire is dropped: a feature no two words share carries nothing the word does not.
"""
import collections, os, subprocess, sys

SENSES = 3
WORDNET = "/usr/share/wordnet"
COPYRIGHT = "/usr/share/doc/wordnet-base/copyright"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "word-senses.txt")
ENGLISH = os.path.join(HERE, "..", "Medications", "english-words.txt")
# Words too common or too ambiguous in a chat to say anything through their senses ("can" is a container, "may" a month).
STOP = set("""the and for are but not you all any can had her was one our out has him his how its may new now old see two
who did yes she too use that with have this will your from they been were what when more much many some such than then
them there these those very just also into only over well here does doing done each make made get got let like want
would could should shall might must about after again because before being both down during few further other same
under until while where which why whom again ever even still yet okay hello thanks thank please""".split())
POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}


def read_english():
    with open(ENGLISH, encoding="utf-8") as f:
        return {line.strip() for line in f if line.strip() and not line.startswith("#")}


def read_index(pos):
    """lemma -> synset offsets in sense order (most frequent sense first)."""
    senses = {}
    with open(os.path.join(WORDNET, "index." + POS_FILES[pos]), encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            parts = line.split()
            lemma, synset_cnt, p_cnt = parts[0], int(parts[2]), int(parts[3])
            offsets = parts[6 + p_cnt:6 + p_cnt + synset_cnt]
            senses[lemma] = offsets
    return senses


def read_parents(pos):
    """offset -> the synset above it: hypernym (@, @i) for nouns and verbs, the head (&) of an adjective satellite."""
    parents = {}
    with open(os.path.join(WORDNET, "data." + POS_FILES[pos]), encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            parts = line.split()
            offset, ss_type = parts[0], parts[2]
            w_cnt = int(parts[3], 16)
            at = 4 + 2 * w_cnt
            p_cnt = int(parts[at])
            at += 1
            for _ in range(p_cnt):
                symbol, target, target_pos = parts[at], parts[at + 1], parts[at + 2]
                at += 4
                if (symbol in ("@", "@i") or (ss_type == "s" and symbol == "&")) and offset not in parents:
                    parents[offset] = target_pos.replace("s", "a") + target
    return parents


def main():
    if not os.path.isdir(WORDNET):
        sys.exit("Install the Debian package wordnet-base first: apt-get install wordnet-base")
    version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "wordnet-base"], capture_output=True, text=True).stdout
    english = read_english()
    words = collections.defaultdict(list)  # lemma -> its own senses, in WordNet's order (nouns, verbs, adjectives, adverbs)
    above = collections.defaultdict(list)  # lemma -> the synsets above its first sense in each part of speech
    for pos in POS_FILES:
        index, parents = read_index(pos), read_parents(pos)
        for lemma, offsets in index.items():
            if not lemma.isalpha() or not lemma.isascii() or len(lemma) < 3 or lemma in STOP or lemma not in english:
                continue
            for o in offsets[:SENSES]:
                if pos + o not in words[lemma]:
                    words[lemma].append(pos + o)
            if offsets[0] in parents:
                above[lemma].append(parents[offsets[0]])
    for lemma in words:
        above[lemma] = [s for s in dict.fromkeys(above[lemma]) if s not in words[lemma]]
    use = collections.Counter(s for lemma in words for s in words[lemma] + above[lemma])
    shared = [s for s, n in use.most_common() if n >= 2]
    number = {s: i for i, s in enumerate(shared)}
    lines = []
    for lemma in sorted(words):
        own = [base36(number[s]) for s in words[lemma] if s in number]
        up = ["^" + base36(number[s]) for s in above[lemma] if s in number]
        if own or up:
            lines.append(" ".join([lemma] + own + up))
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Word senses for MagBot's understanding. Generated by generate-word-senses.py; do not edit.\n")
        f.write(f"# Source: WordNet 3.0, Princeton University (Debian package wordnet-base {version}, /usr/share/wordnet).\n")
        f.write(f"# Kept: {len(lines)} words, each with its first {SENSES} senses per part of speech and (marked ^) the synset above its\n")
        f.write("# first sense, as numbers (base 36) for the synsets at least two kept words share. One word a line: word id id ^id\n")
        f.write("#\n")
        f.write("# WordNet 3.0 licence (from /usr/share/doc/wordnet-base/copyright):\n")
        for licence_line in read_licence():
            f.write(("# " + licence_line).rstrip() + "\n")
        f.writelines(line + "\n" for line in lines)
    print(f"wrote {len(lines)} words, {len(shared)} synsets to {OUT} ({os.path.getsize(OUT)} bytes)")


def base36(n):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    s = ""
    while True:
        n, r = divmod(n, 36)
        s = digits[r] + s
        if n == 0:
            return s


def read_licence():
    """WordNet's licence as the package carries it (its paragraph in the Debian copyright file), which asks that the notice
    appear on all copies of the database, including modifications."""
    lines, inside = [], False
    with open(COPYRIGHT, encoding="utf-8") as f:
        for line in f:
            if line.startswith("License: WordNet"):
                inside = True
                continue
            if inside:
                if not line.startswith(" "):
                    break
                lines.append("" if line.strip() == "." else line.strip())
    if not lines:
        sys.exit(f"No WordNet licence found in {COPYRIGHT}")
    return lines


if __name__ == "__main__":
    main()
