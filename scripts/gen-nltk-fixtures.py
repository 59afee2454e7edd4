#!/usr/bin/env python3
"""Regenerate test/fixtures/porter-nltk.json, test/fixtures/wordnet-nltk.json and test/fixtures/meteor-nltk.json
from NLTK 3.8 itself, the reference that src/engine/metrics/{porter,wordnet,meteor}.ts must match.

Needs Debian 12's python3-nltk (3.8-1) and wordnet-base (1:3.0-37), run with the system Python:
    apt-get install -y python3-nltk wordnet-base
    /usr/bin/python3 scripts/gen-nltk-fixtures.py [--full]
NLTK's own wordnet corpus cannot be downloaded here, so its reader is pointed at Debian's WordNet 3.0 files
(the same version), plus the `lexnames` file Debian lacks, rebuilt from the table in lexnames(5WN).
Word samples are deterministic (random.Random(20240601)). `--full` writes nothing: it compares every WordNet
index lemma, exception form and generated inflection against the data file through `npx tsx`, and prints
the mismatch count.
"""
import gzip
import json
import os
import random
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WN_DIR = "/usr/share/wordnet"
LEXNAMES = """adj.all adj.pert adv.all noun.Tops noun.act noun.animal noun.artifact noun.attribute noun.body
noun.cognition noun.communication noun.event noun.feeling noun.food noun.group noun.location noun.motive
noun.object noun.person noun.phenomenon noun.plant noun.possession noun.process noun.quantity noun.relation
noun.shape noun.state noun.substance noun.time verb.body verb.change verb.cognition verb.communication
verb.competition verb.consumption verb.contact verb.creation verb.emotion verb.motion verb.perception
verb.possession verb.social verb.stative verb.weather adj.ppl""".split()


def wordnet_reader():
    """NLTK's WordNetCorpusReader over Debian's WordNet 3.0 dict (symlinked, with a rebuilt lexnames)."""
    from nltk.corpus.reader.wordnet import WordNetCorpusReader

    d = tempfile.mkdtemp(prefix="wn30-")
    for f in os.listdir(WN_DIR):
        if os.path.isfile(os.path.join(WN_DIR, f)):
            os.symlink(os.path.join(WN_DIR, f), os.path.join(d, f))
    cat = {"noun": 1, "verb": 2, "adj": 3, "adv": 4}
    with open(os.path.join(d, "lexnames"), "w") as fp:
        for i, name in enumerate(LEXNAMES):
            fp.write("%02d\t%s\t%d\n" % (i, name, cat[name.split(".")[0]]))
    wn = WordNetCorpusReader(d, None)
    assert wn.get_version() == "3.0"
    return wn


def index_lemmas():
    out = []
    for name in ("noun", "verb", "adj", "adv"):
        with open(os.path.join(WN_DIR, "index." + name)) as fp:
            out += [line.split()[0] for line in fp if not line.startswith(" ")]
    return sorted(set(out))


def exception_forms():
    out = []
    for name in ("noun", "verb", "adj", "adv"):
        with open(os.path.join(WN_DIR, name + ".exc")) as fp:
            out += [line.split()[0] for line in fp]
    return sorted(set(out))


TRICKY = [
    # irregular-forms table and its case sensitivity, length shortcut, y handling
    "sky", "skies", "Skies", "SKIES", "dying", "Dying", "lying", "tying", "news", "News", "innings", "inning",
    "outings", "cannings", "howe", "proceed", "exceed", "succeed", "proceeding", "exceeded", "succeeds",
    "a", "I", "is", "Is", "IS", "by", "ab", "abc", "y", "yy", "yyy", "ys", "toy", "syzygy", "spies", "dies",
    "ties", "lies", "flies", "spied", "died", "cried", "tried", "happy", "enjoy", "enjoyment", "sky", "say",
    # Porter's own examples, per step
    "caresses", "ponies", "ties", "caress", "cats", "feed", "agreed", "plastered", "bled", "motoring", "sing",
    "conflated", "troubled", "sized", "hopping", "tanned", "falling", "hissing", "fizzed", "failing", "filing",
    "relational", "conditional", "rational", "valenci", "hesitanci", "digitizer", "conformabli", "radicalli",
    "differentli", "vileli", "analogousli", "vietnamization", "predication", "operator", "feudalism",
    "decisiveness", "hopefulness", "callousness", "formaliti", "sensitiviti", "sensibiliti", "triplicate",
    "formative", "formalize", "electriciti", "electrical", "hopeful", "goodness", "revival", "allowance",
    "inference", "airliner", "gyroscopic", "adjustable", "defensible", "irritant", "replacement", "adjustment",
    "dependent", "adoption", "homologou", "communism", "activate", "angulariti", "homologous", "effective",
    "bowdlerize", "probate", "rate", "cease", "controll", "roll", "generalli", "geology", "theology",
    "archaeology", "hopefulli", "fulli", "logi", "eed", "ied", "ies", "ing", "ed", "s", "ss", "sses",
    # literal "*d" suffix (NLTK's rule list treats it as a suffix), punctuation, digits
    "ab*ded", "ab*ding", "x*d", "running,", "dogs.", "hello!", "3.14", "1990s", "v2.0", "snake_case_names",
    "e-mail", "mother-in-law", "don't", "O'Reilly's", "U.S.", "...", "!!!", "--", "",
    # non-ASCII: lowercasing, code points vs UTF-16 units
    "café", "cafés", "naïve", "naïvely", "crème", "brûlée", "İstanbul", "İİ", "ΣΑΣ", "ΟΔΟΣ", "Straße",
    "ﬁnishing", "東京は日本の首都です", "我", "北京",
    "\U0001F600", "\U0001F600\U0001F600", "a\U0001F600", "a\U0001F600\U0001F600", "a\U0001F600\U0001F600ing",
    "\U0001F600ies", "\U0001F600\U0001F600ed", "ho\U0001F600ing", "\U00010400\U00010400ing", "\U00010400ED",
    "\U0001D400\U0001D400ing", "\U0001F44D\U0001F3FD", "sa\U0001F600ed", "ba\U0001F600\U0001F600ing",
]


def porter_fixture(rng):
    from nltk.stem.porter import PorterStemmer

    lemmas = [l for l in index_lemmas() if "_" not in l]
    words = rng.sample(lemmas, 5000)
    # inflected forms exercise the suffix steps more than bare lemmas do
    for w in rng.sample(lemmas, 1500):
        words.append(w + rng.choice(["s", "es", "ed", "ing", "ly", "ness", "ation", "ies", "er", "est", "ful"]))
    for w in rng.sample(lemmas, 300):
        words.append(rng.choice([w.upper(), w.capitalize(), w.title()]))
    words += TRICKY
    modes = ["NLTK_EXTENSIONS", "MARTIN_EXTENSIONS", "ORIGINAL_ALGORITHM"]
    stemmers = {m: PorterStemmer(m) for m in modes}
    cases = [[w] + [stemmers[m].stem(w) for m in modes] for w in words]
    return {
        "generated_by": "scripts/gen-nltk-fixtures.py (nltk 3.8, Debian python3-nltk 3.8-1)",
        "columns": ["word"] + modes,
        "note": "PorterStemmer(mode).stem(word) for 5,000 WordNet 3.0 index lemmas, 1,800 inflected or recased "
        "ones, and hand-picked edge cases",
        "cases": cases,
    }


def synonyms(wn, word):
    """What NLTK's METEOR builds (before adding the word itself), in first-occurrence order."""
    out = []
    for s in wn.synsets(word):
        for lemma in s.lemmas():
            n = lemma.name()
            if n.find("_") < 0 and n not in out:
                out.append(n)
    return out


def wordnet_words(rng, full):
    from nltk.stem.porter import PorterStemmer

    stem = PorterStemmer().stem
    lemmas = index_lemmas()
    excs = exception_forms()
    if full:
        base = lemmas + excs
        k = len(base)
    else:
        base = rng.sample(lemmas, 2500) + rng.sample(excs, 400)
        k = 1500
    words = list(base)
    picks = rng.sample(lemmas, min(k, len(lemmas)))
    for w in picks:
        words.append(w + rng.choice(["s", "es", "ed", "ing", "er", "est", "ies", "men", "ches", "ly"]))
        words.append(stem(w))
    words += ["big", "great", "kid", "child", "BIG", "Dogs", "geese", "running", "ran", "better", "best",
              "automobil", "automobile", "larg", "new_york", "New_York", "a", "I", "eseseseseseseseseses",
              "sss", "", "-", "café", "東京", "\U0001F600", "women", "churches", "boxes", "leaves", "ponies"]
    seen = set()
    return [w for w in words if not (w in seen or seen.add(w))]


def wordnet_fixture(rng, wn):
    words = wordnet_words(rng, False)
    return {
        "generated_by": "scripts/gen-nltk-fixtures.py (nltk 3.8 WordNetCorpusReader on Debian wordnet-base 1:3.0-37)",
        "note": "word -> [lemma.name() for s in wordnet.synsets(word) for lemma in s.lemmas() if '_' not in name], "
        "deduplicated in order; words: WordNet index lemmas, exception forms, inflections, Porter stems",
        "cases": [[w, synonyms(wn, w)] for w in words],
    }


def meteor_fixture(rng, wn):
    from nltk.translate.meteor_score import meteor_score

    class NoWordNet:
        def synsets(self, *a, **k):
            return []

    vocab = ("the a is was big great large kid child children dog dogs running ran runs quick quickly fast rapid "
             "car automobile cars house home houses man men woman women good better best happy glad sad bad "
             "sat sit sitting mat cat cats on in at of to and or jumped jumps jumping fox lazy over under "
             "said says tell told report reports reported geese goose leaves leaf Big Great The").split()
    cases = []
    for _ in range(400):
        ref = " ".join(rng.choice(vocab) for _ in range(rng.randint(0, 14)))
        hyp = " ".join(rng.choice(vocab) for _ in range(rng.randint(0, 14)))
        cases.append([ref, hyp, meteor_score([ref.split()], hyp.split(), wordnet=wn),
                      meteor_score([ref.split()], hyp.split(), wordnet=NoWordNet())])
    return {
        "generated_by": "scripts/gen-nltk-fixtures.py (nltk 3.8 meteor_score on Debian wordnet-base 1:3.0-37)",
        "columns": ["reference", "hypothesis", "meteor", "meteor_no_wordnet"],
        "note": "meteor_score([reference.split()], hypothesis.split()) with WordNet 3.0 and with a WordNet whose "
        "synsets() is empty; random sentences over a vocabulary rich in stems and synonyms",
        "cases": cases,
    }


def write(name, data):
    path = os.path.join(ROOT, "test", "fixtures", name)
    with open(path, "w", encoding="utf-8") as fp:
        json.dump(data, fp, ensure_ascii=False, separators=(",", ":"))
        fp.write("\n")
    print("wrote", path, os.path.getsize(path), "bytes")


def full_check(wn):
    words = wordnet_words(random.Random(20240601), True)
    expected = {w: synonyms(wn, w) for w in words}
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fp:
        json.dump(words, fp)
    script = (
        "import { readFileSync } from 'node:fs';"
        "import { decodeWordNet } from './src/engine/metrics/wordnet.ts';"
        "(async () => { const wn = await decodeWordNet(readFileSync('public/data/wordnet-3.0-synonyms.txt.gz'));"
        "const words = JSON.parse(readFileSync(%s, 'utf8'));"
        "process.stdout.write(JSON.stringify(words.map((w) => wn.synonyms(w)))); })();" % json.dumps(fp.name)
    )
    out = subprocess.run(["npx", "tsx", "-e", script], cwd=ROOT, capture_output=True, text=True, check=True)
    got = json.loads(out.stdout)
    bad = [(w, expected[w], g) for w, g in zip(words, got) if expected[w] != g]
    print("full check: %d words, %d mismatches" % (len(words), len(bad)))
    for b in bad[:20]:
        print(b)
    return not bad


def main():
    wn = wordnet_reader()
    if "--full" in sys.argv:
        sys.exit(0 if full_check(wn) else 1)
    write("porter-nltk.json", porter_fixture(random.Random(20240601)))
    write("wordnet-nltk.json", wordnet_fixture(random.Random(20240602), wn))
    write("meteor-nltk.json", meteor_fixture(random.Random(20240603), wn))


if __name__ == "__main__":
    main()
