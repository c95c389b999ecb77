import json,sys
from citegraph.pipeline import extract_text
FIELDS = ("line", "item", "role", "type", "number", "name", "date", "issuer", "term")
for name in sys.argv[1:]:
    exp=json.load(open(f'tests/fixtures/expected/{name}.json'))
    import glob
    path=(glob.glob(f'corpus/{name}.txt')+glob.glob(f'corpus/real/{name}.txt'))[0]
    doc=extract_text(open(path).read())
    got=[{f:getattr(c,f) for f in FIELDS} for c in doc.citations]
    want=[{f:r[f] for f in FIELDS} for r in exp]
    print(name, len(want), len(got))
    import difflib
    a=[json.dumps(x,ensure_ascii=False) for x in want]; b=[json.dumps(x,ensure_ascii=False) for x in got]
    for l in difflib.unified_diff(a,b,lineterm='',n=0): print(l)
