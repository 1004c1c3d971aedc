#!/usr/bin/env python3
"""Writes the committed seed corpora (fuzz/corpus/<target>/) and dictionaries (fuzz/dict/)
from the demo dataset, the CLI test fixtures and the unit tests' phrases. Run from the
repository root after changing those: `python3 fuzz/make_seeds.py`. The output is
deterministic; grown corpora are never committed (see fuzz/README.md)."""

import gzip
import hashlib
import pathlib
import re
import shutil

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fuzz" / "corpus"
DICT = ROOT / "fuzz" / "dict"

corpora = {}


def add(target, data):
    if isinstance(data, str):
        data = data.encode()
    corpora.setdefault(target, {})[hashlib.sha1(data).hexdigest()[:16]] = data


def unescape(match):
    if match.group(2):
        return chr(int(match.group(2), 16))
    return {"n": "\n", "t": "\t", "r": "\r", "0": "\0"}.get(match.group(1), match.group(1))


def literals(path):
    """Rust string literals of a file (plain "..." only), unescaped the simple way."""
    text = path.read_text()
    found = []
    for raw in re.findall(r'(?<![A-Za-z0-9_#])"((?:[^"\\\n]|\\.)*)"', text):
        found.append(re.sub(r"\\(u\{([0-9a-fA-F]+)\}|.)", unescape, raw))
    return found


claims_files = sorted((ROOT / "claims").glob("*.toml")) + sorted(
    (ROOT / "tests" / "cmd").glob("*.in/claims/*.toml")
)
rules_files = [ROOT / "rules.toml"] + sorted((ROOT / "tests" / "cmd").glob("*.in/rules.toml"))
reviews_files = [ROOT / "tests" / "fixtures" / "findings-reviews.toml"]

# Loaders: every TOML file as it is.
for path in claims_files:
    add("load_claims", path.read_bytes())
# Tables: the first byte picks the format (0 CSV, 1 TSV, 2 JSON Lines; +4: gzip).
for path in sorted((ROOT / "tests" / "cmd").glob("*.in/claims/*.csv")):
    add("load_table", b"\x00" + path.read_bytes())
for path in sorted((ROOT / "tests" / "cmd").glob("*.in/claims/*.jsonl")):
    add("load_table", b"\x02" + path.read_bytes())
add("load_table", bytes([4]) + gzip.compress(b'source,subject,property,value\na,"x, y",p,"1 ""q"""\n', mtime=0))
add("load_table", b"\x01Source\tFlight#\tStatus\tGate\naa\tAA-1\tLanded\tB5\norbitz\tAA-1\tCancelled\t\n")
for path in rules_files:
    add("load_rules", path.read_bytes())
for path in reviews_files:
    add("load_reviews", path.read_bytes())
add(
    "load_reviews",
    """[[review]]
code = "factcheck::name::variant"
claims = [{ claim = "a#x", value = "ittp" }]
decision = "explained"
reason = "a spelling the source uses"
reviewer = "R"
date = 2025-01-02
expires = 2026-01-01
""",
)
add("load_reviews", 'review = [{ code = "factcheck", claims = [], decision = "unresolved" }]\n')
add(
    "load_rules",
    """[names]
min_length = 4
variants = ["close", "similar"]

[copies]
min_shared = 2
min_fraction = 0.5

[severity]
"factcheck::name" = "allow"
"factcheck::conflict::date" = "warning"

[[review]]
code = "factcheck::conflict::number"
claims = [{ claim = "a#1", value = "1" }, { claim = "b#1", value = "2" }]
decision = "both-wrong"
reason = "x"
reviewer = "y"
date = "2025-01-01"
""",
)

# Baseline: a few files of the shape `check --write-baseline` writes, and near misses.
add(
    "baseline",
    """{
  "version": 1,
  "findings": [
    {
      "fingerprint": "fc1-0123456789abcdef",
      "code": "factcheck::conflict::date",
      "message": "founded: 1977\\u2013 vs 1990"
    }
  ]
}
""",
)
add("baseline", '{"version": 1, "findings": []}')
add("baseline", '{"version": 2, "entries": [1, 2.5e300, null, true]}')

# Dates: the unit tests' phrases, unanchored, and the anchored ones with their anchor.
date_tests = ROOT / "src" / "normalize" / "date" / "tests.rs"
for phrase in literals(date_tests):
    if "{" not in phrase and len(phrase) < 80:
        add("date", "\n" + phrase)
for text, published in re.findall(r'parse_at\(\s*"([^"]*)",\s*"([^"]*)"', date_tests.read_text()):
    add("date", published + "\n" + text)
add("date", "@-2147483648..2147483647\non Thursday")
add("date", "@739252..739252\nsince 2014")

# Numbers: the unit tests' phrases, alone and in pairs.
number_tests = ROOT / "src" / "normalize" / "number" / "tests.rs"
phrases = [p for p in literals(number_tests) if "{" not in p and len(p) < 80]
for phrase in phrases:
    add("number", phrase)
for a, b in zip(phrases[::7], phrases[3::7]):
    add("number", a + "\n" + b)

# Names: the subjects, properties and name values of the demo, and the rules' entities, as
# lists of one name per line (with declarations, `= canonical | alias`).
names = []
for path in sorted((ROOT / "claims").glob("*.toml")):
    names += re.findall(r'^(?:subject|property|value) = "([^"]+)"', path.read_text(), re.M)
names = [n for n in dict.fromkeys(names) if len(n) < 100]
for i in range(0, len(names), 24):
    add("names", "\n".join(names[i : i + 24]) + "\n")
entities = re.findall(r'name = "([^"]+)"\n(?:aliases = \[([^\]]*)\])?', (ROOT / "rules.toml").read_text())
declarations = []
for name, aliases in entities:
    spellings = [name] + re.findall(r'"([^"]+)"', aliases or "")
    declarations.append("= " + " | ".join(spellings))
add("names", "\n".join(declarations[:12] + ["ITTP", "Teapodong-1", "Individually Tailored Partnership Program (ITPP)"]))
add("names", "North Atlantic Treaty Organization (NATO)\nNATO\nIP4\nIndo-Pacific Four\nRAAs\nReciprocal Access Agreements\n")

# Whole pipeline: the demo and every CLI case, as rules NUL reviews NUL claims files, each
# claims file followed by 0x01 and its source text when it names one.
def dataset(rules, reviews, claims_dir, sources_dir):
    parts = [rules.read_bytes() if rules and rules.exists() else b""]
    parts.append(reviews.read_bytes() if reviews and reviews.exists() else b"")
    for path in sorted(claims_dir.glob("*.toml"))[:8]:
        data = path.read_bytes()
        match = re.search(rb'^text = "([^"]+)"', data, re.M)
        if match and sources_dir:
            text = (path.parent / match.group(1).decode()).resolve()
            if text.exists() and text.stat().st_size < 4096:
                data += b"\x01" + text.read_bytes()
        parts.append(data)
    return b"\x00".join(parts)

add("pipeline", dataset(ROOT / "rules.toml", None, ROOT / "claims", ROOT / "sources"))
for case in sorted((ROOT / "tests" / "cmd").glob("*.in")):
    if (case / "claims").is_dir():
        reviews = ROOT / "tests" / "fixtures" / "findings-reviews.toml" if case.name == "findings" else None
        add("pipeline", dataset(case / "rules.toml", reviews, case / "claims", case / "sources"))

# Render: arbitrary bytes; a few fixed ones so that the first runs have something to mutate.
for i in range(4):
    add("render", hashlib.sha512(b"render seed %d" % i).digest() * (i + 1))

for target, seeds in corpora.items():
    folder = CORPUS / target
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name, data in sorted(seeds.items()):
        (folder / name).write_bytes(data)

# Dictionaries: TOML keys and headers of the three file formats, date words, number words.
def dictionary(name, words):
    words = sorted(dict.fromkeys(w for w in words if w and len(w) < 64))
    def escape(word):
        return "".join(
            chr(b) if 0x20 <= b < 0x7F and b not in b'"\\' else "\\x%02X" % b
            for b in word.encode()
        )

    lines = ['"%s"' % escape(w) for w in words]
    (DICT / name).write_text("\n".join(lines) + "\n")

DICT.mkdir(exist_ok=True)
keys = set()
for module in ["claims", "rules", "reviews"]:
    text = (ROOT / "src" / "load" / (module + ".rs")).read_text()
    keys |= set(re.findall(r"^    pub ([a-z_]+):", text, re.M))
keys |= {"type", "name", "aliases", "note", "before", "after", "variants", "separators"}
toml_words = {k + " = " for k in keys} | keys
toml_words |= {"[source]", "[[claim]]", "[[entity]]", "[[property]]", "[[order]]", "[[review]]",
               "[names]", "[copies]", "[severity]", "[claim.qualifiers]", "qualifiers = { ",
               " = \"", "\"\"\"", "'''", "= [", "]", "{ ", " }", "\n", "true", "false",
               "1979-05-27", "1979-05-27T07:32:00Z", "inf", "nan", "0x1F", "1e400",
               "\"single\"", "\"multi\"", "\"date\"", "\"number\"", "\"name\"", "\"text\"",
               "\"close\"", "\"similar\"", "\"reordered\"", "\"error\"", "\"warning\"", "\"allow\"",
               "\"explained\"", "\"first-source-wrong\"", "\"second-source-wrong\"",
               "\"both-wrong\"", "\"unresolved\"", "factcheck::", "\x00", "\x01"}
toml_words |= {c.strip('"') for c in re.findall(r'=> "(factcheck::[a-z:-]+)"', (ROOT / "src" / "findings.rs").read_text())}
dictionary("toml.dict", toml_words)
date_words = set(literals(ROOT / "src" / "normalize" / "date" / "words.rs"))
date_words |= {"2014", "1990s", "19th", "8th", "-", "–", "/", "to", "and", "since", "around",
               "c.", "q3", "h1", "early", "mid", "late", "century", "bc", "ad", "\n", "@"}
dictionary("date.dict", date_words)
number_words = set(literals(ROOT / "src" / "normalize" / "number" / "lexicon.rs"))
number_words |= {"1,000", "55.3", "$", "€", "£", "%", "billion", "bn", "m", "k", "between",
                 "more than", "less than", "about", "hundreds of", "to", "or", "of gdp", "\n"}
dictionary("number.dict", number_words)

total = sum(len(d) for seeds in corpora.values() for d in seeds.values())
for target, seeds in sorted(corpora.items()):
    print(f"{target}: {len(seeds)} seeds, {sum(map(len, seeds.values()))} bytes")
print(f"total {total} bytes")
