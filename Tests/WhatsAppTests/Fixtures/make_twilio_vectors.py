#!/usr/bin/env python3
"""Generate Twilio webhook signature vectors with Twilio's own Python library.

The Swift `TwilioSignature` must agree with `twilio.request_validator.RequestValidator`, which is what
Twilio's documentation tells integrators to use. Every vector here is signed by the library and checked
with the library's own `validate` before it is written, so the fixture cannot drift from the library.

Run from this folder after `pip install twilio`:

    python3 make_twilio_vectors.py > twilio_vectors.json
"""

import hashlib
import json
import sys
from urllib.parse import urlencode

import twilio
from twilio.request_validator import RequestValidator

TOKEN = "12345678901234567890123456789012"
OTHER_TOKEN = "abcdefabcdefabcdefabcdefabcdef12"


class MultiParams:
    """A multi-valued form, shaped like Werkzeug's MultiDict, so the library sees repeated names."""

    def __init__(self, pairs):
        self.pairs = list(pairs)

    def __iter__(self):
        return iter([name for name, _ in self.pairs])

    def __len__(self):
        return len(self.pairs)

    def getall(self, name):
        return [value for key, value in self.pairs if key == name]


def inbound(**extra):
    pairs = [
        ("SmsMessageSid", "SM0123456789abcdef0123456789abcdef"),
        ("NumMedia", "0"),
        ("ProfileName", "Aisha"),
        ("MessageType", "text"),
        ("SmsSid", "SM0123456789abcdef0123456789abcdef"),
        ("WaId", "971501234567"),
        ("SmsStatus", "received"),
        ("Body", "Hello, my invoice is wrong"),
        ("To", "whatsapp:+14155238886"),
        ("NumSegments", "1"),
        ("ReferralNumMedia", "0"),
        ("MessageSid", "SM0123456789abcdef0123456789abcdef"),
        ("AccountSid", "AC0123456789abcdef0123456789abcdef"),
        ("From", "whatsapp:+971501234567"),
        ("ApiVersion", "2010-04-01"),
    ]
    replaced = {name: value for name, value in extra.items()}
    out = [(name, replaced.pop(name, value)) for name, value in pairs]
    out.extend(replaced.items())
    return out


def form_case(name, url, pairs, token=TOKEN, sign_url=None, algorithm=None, note=""):
    """Sign `pairs` as Twilio would, and check the library validates them against `url`."""
    validator = RequestValidator(token)
    params = MultiParams(pairs)
    signature = validator.compute_signature(sign_url or url, params, algorithm)
    assert validator.validate(url, params, signature, algorithm), name
    # The library must reject a changed value, URL and token too, or the vector proves nothing.
    if pairs:
        tampered = [(pairs[0][0], pairs[0][1] + "x")] + pairs[1:]
        assert not validator.validate(url, MultiParams(tampered), signature, algorithm), name
    assert not validator.validate(url + "x", params, signature, algorithm), name
    assert not RequestValidator(OTHER_TOKEN).validate(url, params, signature, algorithm), name
    return {
        "name": name,
        "note": note,
        "kind": "form",
        "url": url,
        "signed_url": sign_url or url,
        "token": token,
        "algorithm": algorithm or "HMAC_SHA1",
        "params": [[n, v] for n, v in pairs],
        "form_body": urlencode(pairs),
        "signature": signature,
    }


def json_case(name, url_without_hash, body, token=TOKEN, note=""):
    """Sign a JSON body the way Twilio does: bodySHA256 in the query, signature over the URL alone."""
    validator = RequestValidator(token)
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
    joiner = "&" if "?" in url_without_hash else "?"
    url = url_without_hash + joiner + "bodySHA256=" + digest
    signature = validator.compute_signature(url, {})
    assert validator.validate(url, body, signature), name
    assert not validator.validate(url, body + " ", signature), name
    assert not RequestValidator(OTHER_TOKEN).validate(url, body, signature), name
    return {
        "name": name,
        "note": note,
        "kind": "json",
        "url": url,
        "signed_url": url,
        "token": token,
        "algorithm": "HMAC_SHA1",
        "json_body": body,
        "body_sha256": digest,
        "signature": signature,
    }


def main():
    base = "https://support.example.com/webhooks/twilio"
    cases = [
        form_case("plain inbound", base, inbound()),
        form_case("query string", base + "?src=wa&team=support", inbound()),
        form_case(
            "encoded query string",
            base + "?next=%2Fa%20b&q=caf%C3%A9+au+lait",
            inbound(),
            note="the URL is signed exactly as written, escapes and all",
        ),
        form_case("non-default port", "https://support.example.com:8443/webhooks/twilio", inbound()),
        form_case(
            "default port signed, validated without it",
            base,
            inbound(),
            sign_url="https://support.example.com:443/webhooks/twilio",
            note="Twilio's back end sometimes signs with the port; validate() tries both",
        ),
        form_case(
            "no port signed, validated with default port",
            "https://support.example.com:443/webhooks/twilio",
            inbound(),
            sign_url=base,
        ),
        form_case(
            "http adds port 80",
            "http://127.0.0.1/webhooks/twilio",
            inbound(),
            sign_url="http://127.0.0.1:80/webhooks/twilio",
        ),
        form_case("local test server port", "http://127.0.0.1:8080/webhooks/twilio/status", [
            ("MessageSid", "SM0123456789abcdef0123456789abcdef"),
            ("MessageStatus", "read"),
            ("ChannelPrefix", "whatsapp"),
            ("To", "whatsapp:+971501234567"),
            ("ErrorCode", ""),
            ("ErrorMessage", ""),
        ]),
        form_case(
            "arabic and emoji",
            base,
            inbound(
                Body="مرحبا، الفاتورة غلط 😡🙏 + 100% & more",
                ProfileName="عائشة 🌸",
            ),
        ),
        form_case(
            "non-ascii names sorted by code point",
            base,
            [
                ("\uff5e", "fullwidth tilde"),
                ("\U0001F600", "grinning face"),
                ("z", "last ascii"),
                ("\u00e9", "precomposed e acute"),
                ("e\u0301", "decomposed e acute"),
                ("Zed", "upper case sorts first"),
            ],
            note="UTF-16 order would put the emoji before U+FF5E, and canonical equivalence would merge é",
        ),
        form_case(
            "repeated names",
            base,
            [
                ("MediaUrl", "https://example.com/b"),
                ("Body", "one"),
                ("MediaUrl", "https://example.com/a"),
                ("MediaUrl", "https://example.com/b"),
                ("MediaUrl", "https://example.com/C"),
            ],
            note="the library sorts a name's values and drops exact duplicates",
        ),
        form_case(
            "empty values",
            base,
            inbound(Body="", ProfileName="", ErrorCode=""),
        ),
        form_case(
            "media message",
            base,
            inbound(
                NumMedia="2",
                Body="see attached",
                MessageType="image",
                MediaUrl0="https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1",
                MediaContentType0="image/jpeg",
                MediaUrl1="https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME2",
                MediaContentType1="application/pdf",
            ),
        ),
        form_case("no parameters", base + "?ping=1", []),
        form_case(
            "shared key with HMAC-SHA256",
            base,
            inbound(),
            token="webhooks_sharedkey_secret_value",
            algorithm="HMAC_SHA256",
            note="X-Twilio-Webhooks-Signature-Settings: key=...,algorithm=HMAC_SHA256",
        ),
        json_case(
            "json body",
            base,
            json.dumps({"MessageSid": "SM1", "Body": "مرحبا 👋", "From": "whatsapp:+971501234567"},
                       ensure_ascii=False),
        ),
        json_case(
            "json body with existing query",
            base + "?src=wa",
            '{"a":1,"b":[true,null],"emoji":"\U0001F389"}',
        ),
    ]
    json.dump(
        {"generator": "twilio-python " + twilio.__version__, "token": TOKEN, "vectors": cases},
        sys.stdout,
        ensure_ascii=False,
        indent=2,
    )
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
