#!/usr/bin/env python3
"""Sign Twilio webhook requests with Twilio's own Python library, for the HTTP tests.

Reads a JSON array on stdin, each item {"url": ..., "token": ..., "params": [[name, value], ...]}, and
writes a JSON array of `X-Twilio-Signature` values in the same order. Each signature is computed by
`twilio.request_validator.RequestValidator.compute_signature` and checked with the library's own
`validate` before it is printed, so a test can only pass if Switchboard agrees with the library.
Install the library with `pip install twilio` (`make test-deps` does).
"""

import json
import sys

from twilio.request_validator import RequestValidator


class MultiParams:
    """A multi-valued form, shaped like Werkzeug's MultiDict, so the library sees repeated names."""

    def __init__(self, pairs):
        self.pairs = [(name, value) for name, value in pairs]

    def __iter__(self):
        return iter([name for name, _ in self.pairs])

    def __len__(self):
        return len(self.pairs)

    def getall(self, name):
        return [value for key, value in self.pairs if key == name]


def main():
    requests = json.load(sys.stdin)
    signatures = []
    for request in requests:
        validator = RequestValidator(request["token"])
        params = MultiParams(request["params"])
        signature = validator.compute_signature(request["url"], params)
        if not validator.validate(request["url"], params, signature):
            raise SystemExit("the library does not validate its own signature for " + request["url"])
        signatures.append(signature)
    json.dump(signatures, sys.stdout)


if __name__ == "__main__":
    main()
