"""The one reader of WordNet 3.0's database files (Debian package wordnet-base, /usr/share/wordnet) for MagBot's generators:
generate-word-senses.py (understanding) and dialogs/Safety/Classification/tools/generate-health-words.py (safety)."""
import os

WORDNET = "/usr/share/wordnet"
POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}


def read_index(pos):
    """lemma -> synset offsets in sense order (most frequent sense first)."""
    senses = {}
    with open(os.path.join(WORDNET, "index." + POS_FILES[pos]), encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue  # the licence at the top of the file
            parts = line.split()
            synset_cnt, p_cnt = int(parts[2]), int(parts[3])
            senses[parts[0]] = parts[6 + p_cnt:6 + p_cnt + synset_cnt]
    return senses


def read_pointers(pos):
    """offset -> (synset type, [(pointer symbol, target offset, target part of speech)])."""
    synsets = {}
    with open(os.path.join(WORDNET, "data." + POS_FILES[pos]), encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            parts = line.split(" | ")[0].split()
            at = 4 + 2 * int(parts[3], 16)
            pointers = []
            for _ in range(int(parts[at])):
                pointers.append((parts[at + 1], parts[at + 2], parts[at + 3]))
                at += 4
            synsets[parts[0]] = (parts[2], pointers)
    return synsets
