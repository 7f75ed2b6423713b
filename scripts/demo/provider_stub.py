#!/usr/bin/env python3
"""A local stand-in for Twilio's and Meta's REST APIs, which cannot be reached from here.

It answers in the providers' documented shapes and appends every request it receives to a JSON-lines
file, so tests and the demo can check exactly what Switchboard sent:
  POST /2010-04-01/Accounts/{AccountSid}/Messages.json  (form, Basic auth)  -> 201 {"sid": "SM…", "status": "queued", …}
  POST /{version}/{phone_number_id}/messages            (JSON, Bearer)      -> 200 {"messaging_product": "whatsapp", "messages": [{"id": "wamid…"}]}
"""
import json
import signal
import sys
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl

PORT = int(sys.argv[1])
LOG = sys.argv[2]


class Stub(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        record = {"path": self.path, "authorization": self.headers.get("Authorization", ""),
                  "content_type": self.headers.get("Content-Type", "")}
        if self.path.startswith("/2010-04-01/Accounts/") and self.path.endswith("/Messages.json"):
            form = dict(parse_qsl(body.decode(), keep_blank_values=True))
            record["form"] = form
            sid = "SM" + uuid.uuid4().hex
            answer = {"sid": sid, "status": "queued", "to": form.get("To"), "from": form.get("From"), "body": form.get("Body")}
            self.reply(201, answer)
        elif self.path.endswith("/messages"):
            record["json"] = json.loads(body or b"{}")
            self.reply(200, {"messaging_product": "whatsapp", "contacts": [{"input": record["json"].get("to"), "wa_id": record["json"].get("to")}],
                             "messages": [{"id": "wamid." + uuid.uuid4().hex}]})
        else:
            self.reply(404, {"message": "unknown path"})
        with open(LOG, "a") as f:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")

    def reply(self, status, obj):
        data = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


def stop(signum, frame):
    sys.exit(0)


# A child of the Swift test runner inherits a signal mask with SIGTERM blocked (so does everything a shell
# it started starts in turn): the stub would then ignore `kill` and outlive the demo. Unblock it, and exit
# on SIGTERM as on Ctrl-C, whatever the parent left behind.
signal.signal(signal.SIGTERM, stop)
signal.signal(signal.SIGINT, stop)
signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
ThreadingHTTPServer(("127.0.0.1", PORT), Stub).serve_forever()
