"""Records, for every message in CPython's own email test data, whether Python's
get_body(preferencelist=("plain", "html")) finds non-empty text.

Run with the Python whose data the tests read (3.11 on the project machine):
    python3 generate.py > expectations.json
The Swift test `CPythonCorpusTests` reads expectations.json and the data directory it names.
"""
import email
import json
import os
import sys
import test
from email import policy

data_dir = os.path.join(os.path.dirname(test.__file__), "test_email", "data")
result = {}
for name in sorted(os.listdir(data_dir)):
    if not name.startswith("msg_"):
        continue
    with open(os.path.join(data_dir, name), "rb") as f:
        raw = f.read()
    try:
        msg = email.message_from_bytes(raw, policy=policy.default)
        body = msg.get_body(preferencelist=("plain", "html"))
        content = body.get_content() if body is not None else ""
        has_text = isinstance(content, str) and content.strip() != ""
        kind = body.get_content_subtype() if body is not None else None
    except Exception as exc:  # Python itself fails: nothing to compare against
        has_text, kind = False, "error: %s" % type(exc).__name__
    result[name] = {"python_has_text": has_text, "python_body": kind}
json.dump({"python": sys.version.split()[0], "messages": result}, sys.stdout, indent=1, sort_keys=True)
print()
