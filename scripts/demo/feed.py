#!/usr/bin/env python3
"""Feeds the demo's sample messages through Switchboard's real endpoints.

WhatsApp messages go to POST /webhooks/twilio signed by Twilio's own RequestValidator, or to
POST /webhooks/meta signed with the app secret exactly as Meta signs; one email goes to
POST /webhooks/email with the bearer token, the others through the MDA pipe (`switchboard ingest-email`),
the way Postfix would hand them over.
"""
import glob
import hashlib
import hmac
import json
import os
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid

from twilio.request_validator import RequestValidator

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
def base():
    return f"http://127.0.0.1:{os.environ['DEMO_HTTP_PORT']}"


def post(path, body, headers):
    request = urllib.request.Request(base() + path, data=body, headers=headers, method="POST")
    with urllib.request.urlopen(request, timeout=15) as response:
        return response.status


def twilio(message, sid=None):
    params = {
        "MessageSid": sid or "SM" + uuid.uuid4().hex, "AccountSid": "ACdemo00000000000000000000000000",
        "From": "whatsapp:" + message["from"], "To": "whatsapp:+14155238886", "Body": message["body"],
        "ProfileName": message.get("profile", ""), "WaId": message["from"].lstrip("+"), "NumMedia": "0",
    }
    if message.get("media"):
        params.update({"NumMedia": "1", "MediaContentType0": message["media"], "Body": "",
                       "MediaUrl0": "https://api.twilio.com/2010-04-01/Accounts/ACdemo/Messages/MM1/Media/ME1"})
    url = base() + "/webhooks/twilio"
    signature = RequestValidator(os.environ["TWILIO_AUTH_TOKEN"]).compute_signature(url, params)
    body = urllib.parse.urlencode(params).encode()
    return post("/webhooks/twilio", body, {"Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature})


def meta(message, wamid=None):
    payload = {"object": "whatsapp_business_account", "entry": [{"id": "WABA1", "changes": [{"field": "messages", "value": {
        "messaging_product": "whatsapp", "metadata": {"display_phone_number": "15550001111", "phone_number_id": "109876543210"},
        "contacts": [{"profile": {"name": message.get("profile", "")}, "wa_id": message["from"]}],
        "messages": [{"from": message["from"], "id": wamid or "wamid." + uuid.uuid4().hex, "timestamp": str(int(time.time())),
                      "type": "text", "text": {"body": message["body"]}}]}}]}]}
    body = json.dumps(payload, ensure_ascii=False).encode()
    signature = "sha256=" + hmac.new(os.environ["META_APP_SECRET"].encode(), body, hashlib.sha256).hexdigest()
    return post("/webhooks/meta", body, {"Content-Type": "application/json", "X-Hub-Signature-256": signature})


def main():
    with open(os.path.join(ROOT, "demo", "whatsapp.json")) as f:
        messages = json.load(f)
    for message in messages:
        status = twilio(message) if message["via"] == "twilio" else meta(message)
        print(f"  WhatsApp via {message['via']:6} from {message['from']:>14}: HTTP {status}  {message['body'][:50]!r}")
        time.sleep(0.3)
    binary, config = sys.argv[1], sys.argv[2]
    emails = sorted(glob.glob(os.path.join(ROOT, "demo", "emails", "*.eml")))
    # The first email arrives over HTTP, as a mail gateway would post it; the rest through the MDA pipe.
    with open(emails[0], "rb") as f:
        status = post("/webhooks/email", f.read(), {"Content-Type": "message/rfc822",
                                                    "Authorization": "Bearer " + os.environ["EMAIL_INBOUND_TOKEN"]})
    print(f"  email {os.path.basename(emails[0]):28} POST /webhooks/email: HTTP {status}")
    for path in emails[1:]:
        with open(path, "rb") as f:
            result = subprocess.run([binary, "ingest-email", "--config", config], stdin=f, capture_output=True, text=True)
        print(f"  email {os.path.basename(path):28} ingest-email exit {result.returncode}: {result.stdout.strip() or result.stderr.strip()}")


if __name__ == "__main__":
    main()
