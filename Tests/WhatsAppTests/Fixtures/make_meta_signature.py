#!/usr/bin/env python3
"""Sign Meta fixture bodies the way Meta does, with Python's own hmac, independently of the Swift code.

    python3 make_meta_signature.py meta_batch.json

writes meta_batch.json.sig containing `sha256=<hex HMAC-SHA256 of the file's exact bytes>`, keyed with
the test app secret below.
"""

import hashlib
import hmac
import sys

APP_SECRET = b"test-app-secret"

for path in sys.argv[1:]:
    with open(path, "rb") as body:
        signature = "sha256=" + hmac.new(APP_SECRET, body.read(), hashlib.sha256).hexdigest()
    with open(path + ".sig", "w") as out:
        out.write(signature + "\n")
    print(path, signature)
