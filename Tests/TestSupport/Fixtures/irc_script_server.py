#!/usr/bin/env python3
"""A scripted IRC server for the misbehaviours a real InspIRCd cannot be configured into.

    irc_script_server.py DIR [--cert PEM --key PEM] [--caps "cap1 cap2=value"] [--ignore-quit]

Listens on a free loopback port (TLS with --cert/--key), writes the port to DIR/port, and appends every
line it receives to DIR/received.log. It registers any client (CAP LS/REQ/END, NICK/USER, 001 and an
empty MOTD) and answers PING and JOIN. SASL: `sasl=MECHS` in --caps is what CAP LS advertises, and an
AUTHENTICATE for a mechanism outside that list is answered like InspIRCd + Atheme do (908, then 904);
any offered mechanism succeeds (900, 903).

--ignore-quit: QUIT is read and ignored, and so is the client closing its side (TLS close_notify or a
TCP FIN): the server never closes a connection, as a hung or hostile server would not.
"""
import argparse
import os
import socket
import ssl
import threading
import time

SERVER = "irc.script"


def serve_client(conn, args, log_lock):
    caps = args.caps.split()
    offered = dict(cap.split("=", 1) if "=" in cap else (cap, "") for cap in caps)
    nick, user, cap_negotiating, registered, sasl_mechanism = "*", None, False, False, None
    buffer = b""

    def send(*lines):
        conn.sendall("".join(f"{line}\r\n" for line in lines).encode())

    def maybe_register():
        nonlocal registered
        if registered or cap_negotiating or nick == "*" or user is None:
            return
        registered = True
        send(f":{SERVER} 001 {nick} :Welcome to the scripted network",
             f":{SERVER} 005 {nick} CASEMAPPING=ascii CHANTYPES=# :are supported by this server",
             f":{SERVER} 422 {nick} :MOTD File is missing")

    while True:
        try:
            chunk = conn.recv(4096)
        except (OSError, ssl.SSLError):
            chunk = b""
        if not chunk:
            if args.ignore_quit:
                # Hold the socket open and answer nothing, not even the TLS close_notify.
                while True:
                    time.sleep(3600)
            conn.close()
            return
        buffer += chunk
        while b"\n" in buffer:
            raw, buffer = buffer.split(b"\n", 1)
            line = raw.rstrip(b"\r").decode(errors="replace")
            with log_lock, open(os.path.join(args.dir, "received.log"), "a") as log:
                log.write(line + "\n")
            words = line.split(" ")
            command = words[0].upper()
            if command == "CAP" and len(words) > 1:
                sub = words[1].upper()
                if sub == "LS":
                    cap_negotiating = True
                    send(f":{SERVER} CAP {nick} LS :{args.caps}")
                elif sub == "REQ":
                    wanted = line.split(" ", 2)[2].lstrip(":")
                    send(f":{SERVER} CAP {nick} ACK :{wanted}")
                elif sub == "END":
                    cap_negotiating = False
                    maybe_register()
            elif command == "AUTHENTICATE" and len(words) > 1:
                mechanisms = [m for m in offered.get("sasl", "").split(",") if m]
                if sasl_mechanism is None:
                    if mechanisms and words[1] not in mechanisms:
                        send(f":{SERVER} 908 {nick} {','.join(mechanisms)} :are available SASL mechanisms",
                             f":{SERVER} 904 {nick} :SASL authentication failed")
                    else:
                        sasl_mechanism = words[1]
                        send("AUTHENTICATE +")
                else:
                    sasl_mechanism = None
                    send(f":{SERVER} 900 {nick} {nick}!u@h account :You are now logged in as account",
                         f":{SERVER} 903 {nick} :SASL authentication successful")
            elif command == "NICK" and len(words) > 1:
                nick = words[1].lstrip(":")
                maybe_register()
            elif command == "USER":
                user = words[1] if len(words) > 1 else "user"
                maybe_register()
            elif command == "PING":
                send(f":{SERVER} PONG {SERVER} {line.split(' ', 1)[1] if ' ' in line else ''}")
            elif command == "JOIN" and len(words) > 1:
                for channel in words[1].split(","):
                    send(f":{nick}!{user}@script.host JOIN {channel}")
            elif command == "QUIT":
                if not args.ignore_quit:
                    send("ERROR :Closing link (Quit)")
                    conn.close()
                    return


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dir")
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--caps", default="")
    parser.add_argument("--ignore-quit", action="store_true")
    args = parser.parse_args()
    context = None
    if args.cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.cert, args.key)
    listener = socket.create_server(("127.0.0.1", 0))
    with open(os.path.join(args.dir, "port.tmp"), "w") as f:
        f.write(str(listener.getsockname()[1]))
    os.rename(os.path.join(args.dir, "port.tmp"), os.path.join(args.dir, "port"))
    log_lock = threading.Lock()
    while True:
        conn, _ = listener.accept()
        if context:
            try:
                conn = context.wrap_socket(conn, server_side=True)
            except (OSError, ssl.SSLError):
                conn.close()
                continue
        threading.Thread(target=serve_client, args=(conn, args, log_lock), daemon=True).start()


if __name__ == "__main__":
    main()
