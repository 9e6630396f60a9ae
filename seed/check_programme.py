"""Checks seed/programme-4168-2021-2025.json (run: python3 seed/check_programme.py).

- the file is UTF-8, valid JSON, written with 2-space indent (json.dumps(indent=2, ensure_ascii=False) + newline);
- every string is NFC, trimmed, with no doubled or non-space whitespace;
- every unit name (leadUnits, coordinatingUnits, inferredLeadUnits, duty units and recipients) is a unit name,
  group name or alias in seed/units-cantho.json;
- no task or subtask has an empty activity; codes are unique within objectives, within tasks (with subtasks)
  and within duties; every `source` reads "Lx" or "Lx-Ly" inside the source file;
- indicator target years and step years lie within the plan period (2021..2025);
- if the source text is present (../shared/seeds/002_285cf9bded91c016.txt from the repository root), every task,
  subtask, duty, solution and viewpoint/goal text occurs verbatim in its source lines (list markers removed), and
  every word of an indicator text occurs in the indicator's source line.
Prints the counts and exits 1 on the first list of errors.
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMME = os.path.join(HERE, "programme-4168-2021-2025.json")
UNITS = os.path.join(HERE, "units-cantho.json")
SOURCE = os.path.join(HERE, "..", "..", "..", "shared", "seeds", "002_285cf9bded91c016.txt")
if not os.path.exists(SOURCE):
    SOURCE = "/work/shared/seeds/002_285cf9bded91c016.txt"

errors = []
raw = open(PROGRAMME, "rb").read()
text = raw.decode("utf-8")
doc = json.loads(text)
if json.dumps(doc, ensure_ascii=False, indent=2) + "\n" != text:
    errors.append("file is not in 2-space indent form (json.dumps(indent=2, ensure_ascii=False) + newline)")

def strings(x, path="$"):
    if isinstance(x, str):
        yield path, x
    elif isinstance(x, list):
        for i, v in enumerate(x):
            yield from strings(v, f"{path}[{i}]")
    elif isinstance(x, dict):
        for k, v in x.items():
            yield from strings(v, f"{path}.{k}")

for path, s in strings(doc):
    if unicodedata.normalize("NFC", s) != s:
        errors.append(f"{path}: not NFC")
    if s != s.strip() or re.search(r"\s{2,}|[^\S ]", s):
        errors.append(f"{path}: whitespace not collapsed")

directory = json.load(open(UNITS, encoding="utf-8"))
known = set()
for entry in directory["units"] + directory["groups"]:
    known.add(entry["name"])
    known.update(entry.get("aliases", []))

lines = open(SOURCE, encoding="utf-8").read().split("\n") if os.path.exists(SOURCE) else None
def source_range(src, where):
    m = re.fullmatch(r"L(\d+)(?:-L(\d+))?", src or "")
    if not m:
        errors.append(f"{where}: bad source {src!r}")
        return None
    a, b = int(m.group(1)), int(m.group(2) or m.group(1))
    if lines is not None and not (1 <= a <= b <= len(lines)):
        errors.append(f"{where}: source {src} outside the file")
        return None
    return a, b

MARKER = re.compile(r"^(?:[a-zđ]\) |\d+\. |- )")
def printed(src, where):
    r = source_range(src, where)
    if r is None or lines is None:
        return None
    return " ".join(MARKER.sub("", re.sub(r"\s+", " ", lines[n - 1]).strip()) for n in range(r[0], r[1] + 1))

def verbatim(s, src, where):
    p = printed(src, where)
    if p is not None and s not in p:
        errors.append(f"{where}: text not found verbatim in {src}")

def unit_names(names, where):
    for n in names or []:
        if n not in known:
            errors.append(f"{where}: unit {n!r} not in units-cantho.json")

plan = doc["plan"]
lo, hi = plan["year"], plan["endYear"]
counts = {}
codes = set()
for o in doc["objectives"]:
    counts[o["kind"]] = counts.get(o["kind"], 0) + 1
    if o["code"] in codes:
        errors.append(f"objective {o['code']}: duplicate code")
    codes.add(o["code"])
    if not o["text"]:
        errors.append(f"objective {o['code']}: empty text")
    verbatim(o["text"], o["source"], f"objective {o['code']}")
    for i, ind in enumerate(o.get("indicators", [])):
        where = f"objective {o['code']} indicator {i + 1}"
        counts["indicator"] = counts.get("indicator", 0) + 1
        if ind.get("targetYear") is not None and not lo <= ind["targetYear"] <= hi:
            errors.append(f"{where}: targetYear {ind['targetYear']} outside {lo}..{hi}")
        for st in ind.get("steps", []):
            counts["step"] = counts.get("step", 0) + 1
            if not lo <= st["year"] <= hi:
                errors.append(f"{where}: step year {st['year']} outside {lo}..{hi}")
        if ind.get("target") is not None and not ind.get("unit"):
            errors.append(f"{where}: target without unit")
        p = printed(ind["source"], where)
        if p is not None:
            words = set(re.findall(r"\w+", p))
            missing = [w for w in re.findall(r"\w+", ind["text"]) if w not in words]
            if missing:
                errors.append(f"{where}: words not in {ind['source']}: {missing}")
            if ind.get("printed") and ind["printed"] not in p:
                errors.append(f"{where}: printed text not verbatim in {ind['source']}")

codes = set()
def task(t, where):
    kind = "subtask" if t["code"].count(".") > 1 else "task"
    counts[kind] = counts.get(kind, 0) + 1
    if t["code"] in codes:
        errors.append(f"task {t['code']}: duplicate code")
    codes.add(t["code"])
    if not t.get("activity"):
        errors.append(f"task {t['code']}: empty activity")
    else:
        verbatim(t["activity"], t["source"], f"task {t['code']}")
    for field in ("leadUnits", "coordinatingUnits", "inferredLeadUnits", "inferredCoordinatingUnits"):
        unit_names(t.get(field), f"task {t['code']}.{field}")
    for s in t.get("subtasks", []):
        task(s, where)

for sec in doc["sections"]:
    counts["section"] = counts.get("section", 0) + 1
    for t in sec["tasks"]:
        task(t, sec["number"])

codes = set()
for d in doc["duties"]:
    counts["duty"] = counts.get("duty", 0) + 1
    if d["code"] in codes:
        errors.append(f"duty {d['code']}: duplicate code")
    codes.add(d["code"])
    unit_names(d["units"], f"duty {d['code']}.units")
    if d.get("recipient"):
        unit_names([d["recipient"]], f"duty {d['code']}.recipient")
    if not d["units"]:
        errors.append(f"duty {d['code']}: no units")
    verbatim(d["text"], d["source"], f"duty {d['code']}")

print(", ".join(f"{k}: {v}" for k, v in sorted(counts.items())))
if lines is None:
    print("source text not found: verbatim checks skipped")
if errors:
    print("\n".join(errors))
    sys.exit(1)
print("ok")
