#!/usr/bin/env python3
"""Writes the raw seed inputs each fuzz target started from, out of the project's test fixtures.

    scripts/fuzz/seed-corpus.py OUT_DIR     # OUT_DIR/<target>/<name>

The committed corpora under Fuzz/corpus/ are these seeds merged (`-merge=1`) with what fuzzing found;
this script records where the seeds came from and regenerates them (see Fuzz/README.md).
"""
import hashlib
import json
import os
import sys

import yaml

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")


def fixture(*parts):
    return os.path.join(ROOT, "Tests", *parts)


def write(out, target, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    folder = os.path.join(out, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "seed-" + hashlib.sha1(data).hexdigest()[:16]), "wb") as f:
        f.write(data)


def irc_message(out):
    # The upstream parser-test vectors (Tests/IRCTests/Fixtures/parser-tests, CC0).
    with open(fixture("IRCTests", "Fixtures", "parser-tests", "msg-split.yaml"), encoding="utf-8") as f:
        for test in yaml.safe_load(f)["tests"]:
            write(out, "irc-message", test["input"])
    for line in [
        ":irc.example 005 bot CASEMAPPING=rfc1459 CHANTYPES=#& PREFIX=(qaohv)~&@%+ STATUSMSG=~&@%+ "
        "TARGMAX=PRIVMSG:4,NOTICE:4 NICKLEN=30 CHANNELLEN=64 BOT=B WHOX UTF8ONLY MONITOR=100 NETWORK=Test\\x20Net "
        ":are supported by this server",
        ":irc.example CAP * LS :multi-prefix sasl=PLAIN,EXTERNAL server-time message-tags account-tag",
        "AUTHENTICATE +",
        "@time=2024-03-01T12:00:00.250Z;account=alice;msgid=abc123 :Alice!~a@host PRIVMSG #support :hi",
        "@+draft/reply=abc;+draft/react=\\s\\:\\\\ :b!u@h TAGMSG #c",
        ":Omar!o@gw.example PRIVMSG switchboard :\x01ACTION waves\x01",
        ":x!y@z PRIVMSG #support :\x0304,12red\x03 \x02bold\x0f \u202eevil\u202c اتخصم مني مرتين 👩\u200d💻 ผมสั่ง",
        ":srv 353 bot = #support :@founder +aisha techlead",
        "PING :" + "x" * 600,
    ]:
        write(out, "irc-message", line)


def mime(out):
    corpus = fixture("MailTests", "Fixtures", "email-corpus", "dev")
    for name in sorted(os.listdir(corpus)):
        if name.endswith(".eml"):
            with open(os.path.join(corpus, name), "rb") as f:
                write(out, "mime", f.read())
    # CPython's email test messages, which the Mail tests already compare against.
    try:
        import test
        data = os.path.join(os.path.dirname(test.__file__), "test_email", "data")
        for name in sorted(os.listdir(data)):
            if name.startswith("msg_"):
                with open(os.path.join(data, name), "rb") as f:
                    write(out, "mime", f.read())
    except ImportError:
        print("seed-corpus: no CPython test package; skipping its email messages", file=sys.stderr)
    # Structure that only hostile input has: deep nesting of multiparts and of encapsulated messages.
    nested = "From: a@example.com\nContent-Type: multipart/mixed; boundary=b0\n\n"
    for depth in range(1, 30):
        nested += "--b%d\nContent-Type: multipart/mixed; boundary=b%d\n\n" % (depth - 1, depth)
    write(out, "mime", nested + "--b29\nContent-Type: text/plain\n\nbottom\n")
    wrapped = "From: a@example.com\nContent-Type: text/plain\n\ninnermost\n"
    for _ in range(30):
        wrapped = "From: b@example.com\nContent-Type: message/rfc822\n\n" + wrapped
    write(out, "mime", wrapped)


def twilio_form(out):
    # Signed requests made by Twilio's own Python library (Tests/WhatsAppTests/Fixtures).
    with open(fixture("WhatsAppTests", "Fixtures", "twilio_vectors.json"), encoding="utf-8") as f:
        vectors = json.load(f)["vectors"]
    for vector in vectors:
        body = vector.get("form_body") or vector.get("json_body") or ""
        write(out, "twilio-form", vector["url"] + "\0" + vector["signature"] + "\0" + body)
        write(out, "twilio-form", body)
    write(out, "twilio-form", "MessageSid=SM1&MessageStatus=undelivered&ErrorCode=63016&To=whatsapp%3A%2B971501234567")
    write(out, "twilio-form", "MessageSid=SM1&From=whatsapp%3A%2B971501234567&Latitude=25.2&Longitude=55.3"
          "&Label=Home&MessageType=location&ButtonText=Yes&ButtonPayload=p1&ReferralSourceUrl=https%3A%2F%2Fad")
    write(out, "twilio-form", "hub.mode=subscribe\0\0hub.verify_token=verify-me&hub.challenge=123")


def meta_json(out):
    folder = fixture("WhatsAppTests", "Fixtures")
    for name in ["meta_all_types.json", "meta_batch.json"]:
        with open(os.path.join(folder, name), "rb") as f:
            write(out, "meta-json", f.read())
    with open(os.path.join(folder, "meta_batch.json"), "rb") as f, open(os.path.join(folder, "meta_batch.json.sig"), "rb") as s:
        write(out, "meta-json", s.read().strip() + b"\0" + f.read())
    write(out, "meta-json", '{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"message_template_status_update","value":{}}]}]}')
    write(out, "meta-json", '{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":'
          '{"statuses":[{"id":"wamid.1","status":"failed","timestamp":"1764000100","recipient_id":"971509999998",'
          '"errors":[{"code":131047,"title":"Re-engagement message"}]}]}}]}]}')


def command(out):
    usage = ["help", "help send", "queue", "queue billing", "queue mine", "queue all", "more", "stats", "show 42",
             "claim #42", "unclaim 42", "assign 42 aisha", "draft 118 duplicate charge refunded today, 5–7 working days",
             "edit 7 Hi Omar, the refund left today.", "send 121 --anyway thanks, will check", "send #121",
             "note 42 called the customer", "tag 42 churn_risk", "urgent 42", "snooze 42 4h", "snooze 42 90m",
             "close 118 refunded duplicate charge", "close 118 --silent", "reopen 97", "history 42", "customer 42",
             "kb refund policy", "template 42 payment_reminder", "frobnicate 3", "thanks everyone"]
    for line in usage:
        write(out, "command", "!" + line)
        write(out, "command", line)
    # The lines agents type in /work/shared/UX.md, and subjects carrying a ticket tag.
    for line in ["!claim 118", "!send 121 thanks, will check and get back to you", "!close 118 refunded duplicate charge",
                 "!send 118", "!edit 118 TEXT", "Re: Refund for order 1182 [#42]", "AW: [#7] Rechnung"]:
        write(out, "command", line)


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    for make in [irc_message, mime, twilio_form, meta_json, command]:
        make(sys.argv[1])


if __name__ == "__main__":
    main()
