#!/usr/bin/env python3
"""Writes health-words.txt: English words that name a symptom, an illness, a pain or an injury, from WordNet 3.0
(Debian package wordnet-base: `apt-get install wordnet-base`), for SafetyFeatures. A complaint word the safety model
was never shown ("queasy", "sprain", "heartburn") then shares a feature with the complaint words it was shown.

  python3 dialogs/Safety/Classification/tools/generate-health-words.py > dialogs/Safety/Classification/health-words.txt

A noun is kept when one of its two most common senses lies under a root below (by hyponymy); a verb or adjective when one
of its two most common senses is derivationally related to such a noun ("nauseous" -> nausea, "cough" -> cough).
"""
import os, subprocess, sys

# The one WordNet reader, shared with the understanding's generator.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'Understanding', 'Lexicon'))
import wordnet  # noqa: E402

# Roots by synset offset (WordNet 3.0), each with the category its hyponyms get.
ROOTS = {
    '14299637': 'symptom',   # symptom: any sensation or change in bodily function experienced by a patient
    '14052046': 'illness',   # ill health, health problem
    '14052403': 'illness',   # disorder, upset: a physical condition with a disturbance of normal functioning
    '05724694': 'pain',      # pain, pain sensation
    '14322699': 'pain',      # pain, hurting: a symptom of some physical hurt or disorder
    '14285662': 'injury',    # injury, hurt, harm, trauma
    '14298815': 'injury',    # wound, lesion
    '07313636': 'injury',    # injury, accidental injury
    '14016361': 'symptom',   # fatigue, weariness, tiredness
    '14023374': 'illness',   # insomnia
    '14315192': 'symptom',   # swelling, puffiness, lump
    '00118733': 'symptom',   # vomiting, emesis, regurgitation
    '14327125': 'illness',   # hemorrhoid, piles
}


def main():
    nouns = {offset: pointers for offset, (_, pointers) in wordnet.read_pointers('n').items()}
    category = {}
    stack = list(ROOTS.items())
    while stack:
        offset, cat = stack.pop()
        if offset in category:
            continue
        category[offset] = cat
        stack.extend((off, cat) for sym, off, pos in nouns[offset] if sym in ('~', '~i') and pos == 'n')

    def usable(lemma):
        return lemma.isalpha() and lemma.isascii() and len(lemma) >= 3

    out = {}
    for lemma, offsets in wordnet.read_index('n').items():
        if usable(lemma):
            hit = next((category[o] for o in offsets[:2] if o in category), None)
            if hit:
                out[lemma] = hit
    for pos in ('v', 'a'):
        data = {offset: pointers for offset, (_, pointers) in wordnet.read_pointers(pos).items()}
        for lemma, offsets in wordnet.read_index(pos).items():
            if not usable(lemma) or lemma in out:
                continue
            for o in offsets[:2]:
                hit = [category[off] for sym, off, p in data[o] if sym in ('+', '\\', '=') and p == 'n' and off in category]
                if hit:
                    out[lemma] = hit[0]
                    break

    version = subprocess.run(['dpkg-query', '-W', '-f=${Version}', 'wordnet-base'], capture_output=True, text=True).stdout.strip()
    print(f'# Health words from WordNet 3.0 (Debian package wordnet-base {version}), by tools/generate-health-words.py;')
    print('# do not edit by hand. word<TAB>category (symptom, illness, pain, injury).')
    print('#')
    print('# Permission to use, copy, modify and distribute this software and database and its documentation for any purpose')
    print('# and without fee or royalty is hereby granted, provided that you agree to comply with the following copyright notice')
    print('# and statements, including the disclaimer, and that the same appear on ALL copies of the software, database and')
    print('# documentation, including modifications that you make for internal use or for distribution.')
    print('# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.')
    print('# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES,')
    print('# EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR')
    print('# WARRANTIES OF MERCHANTABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED SOFTWARE,')
    print('# DATABASE OR DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS.')
    print('# The name of Princeton University or Princeton may not be used in advertising or publicity pertaining to')
    print('# distribution of the software and/or database. Title to copyright in this software, database and any associated')
    print('# documentation shall at all times remain with Princeton University and LICENSEE agrees to preserve same.')
    print('# Licence: https://wordnet.princeton.edu/license-and-commercial-use (WordNet 3.0 licence, permissive).')
    for lemma in sorted(out):
        print(f'{lemma}\t{out[lemma]}')


if __name__ == '__main__':
    sys.exit(main())
