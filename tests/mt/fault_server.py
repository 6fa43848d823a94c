#!/usr/bin/env python3
"""Fault-injecting fake translation server for jaen's translate tests.

Speaks the three wire formats jaen uses, on 127.0.0.1 only:
  DeepL           POST /v2/translate, POST /v2/glossaries
  LibreTranslate  POST /translate
  OpenAI-compat.  POST /v1/chat/completions
It checks what a real server would (auth, required fields, DeepL's 50-text
and 128 KiB limits, glossary terms in the system prompt), "translates" by
turning each run of non-ASCII text into the word "lorem" and moving the
placeholders to the end in reverse order (real engines reorder them), and
injects one kind of fault into chosen requests.

Each request is logged as one JSON line (never the key).  The server binds
an ephemeral port, writes it to --port-file and exits after --lifetime
seconds whatever happens.  Python 3 standard library only.
"""
import argparse
import json
import os
import re
import socket
import struct
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TAG = re.compile(r'<x id="(\d+)">.*?</x>|<x id="(\d+)"/>', re.S)
TOKEN = re.compile(r"\[\[\d+\]\]")
NONASCII = re.compile(r"[^\x00-\x7f]+")
FAULTS = ("429", "500", "503", "456", "403", "slow", "reset", "truncated",
          "ctype", "huge", "length", "drop", "notjson500")


def fake_translate(text, xml):
    """Japanese runs -> 'lorem'; placeholders kept, moved to the end."""
    pat = TAG if xml else TOKEN
    holders = [m.group(0) for m in pat.finditer(text)]
    rest = pat.sub(" ", text)
    rest = NONASCII.sub(" lorem ", rest)
    rest = " ".join(rest.split())
    return (rest + " " + " ".join(reversed(holders))).strip()


class State:
    def __init__(self, args):
        self.args = args
        self.lock = threading.Lock()
        self.n = 0                  # translate requests seen
        self.log = open(args.log, "a", encoding="utf-8") if args.log else None

    def next(self):
        with self.lock:
            self.n += 1
            return self.n

    def fault_for(self, n):
        a = self.args
        if a.fault and a.at <= n < a.at + a.times:
            return a.fault
        return None

    def write(self, rec):
        if self.log:
            with self.lock:
                self.log.write(json.dumps(rec, ensure_ascii=False) + "\n")
                self.log.flush()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "fault/1"
    # One buffered write per answer, no Nagle: no 40 ms delayed-ACK stalls.
    wbufsize = 1 << 16
    disable_nagle_algorithm = True

    def log_message(self, fmt, *args):     # quiet
        pass

    # -- helpers --
    def send(self, status, body, ctype="application/json", extra=None):
        data = body if isinstance(body, bytes) else body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def error(self, engine, status, msg, extra=None):
        if engine == "deepl":
            body = {"message": msg}
        elif engine == "libre":
            body = {"error": msg}
        else:   # llama.cpp style: integer code
            body = {"error": {"code": status, "message": msg,
                              "type": "server_error"}}
        self.send(status, json.dumps(body), extra=extra)

    def reset(self):
        # SO_LINGER 0: close() sends RST instead of FIN.
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                   struct.pack("ii", 1, 0))
        self.close_connection = True
        self.connection.close()

    def drip(self, body):
        """The whole answer, status line included, one byte at a time."""
        head = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                "Content-Length: %d\r\n\r\n" % len(body)).encode()
        try:
            for b in head + body:
                self.wfile.write(bytes([b]))
                self.wfile.flush()
                time.sleep(self.server.state.args.drip)
        except OSError:
            pass
        self.close_connection = True

    def huge(self):
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(64 << 20))
        self.end_headers()
        chunk = b'{"translations":[' + b" " * 65519
        try:
            for _ in range(1024):
                self.wfile.write(chunk)
        except OSError:
            pass
        self.close_connection = True

    # -- the request --
    def do_POST(self):
        st = self.server.state
        a = st.args
        length = int(self.headers.get("Content-Length", "0"))
        raw = self.rfile.read(length)
        path = self.path
        engine = ("deepl" if path.startswith("/v2/") else
                  "libre" if path == "/translate" else
                  "openai" if path == "/v1/chat/completions" else None)
        if engine is None:
            self.send(404, '{"message":"not found"}')
            return
        try:
            body = json.loads(raw.decode("utf-8"))
        except ValueError:
            self.error(engine, 400, "body is not JSON")
            return
        auth = self.headers.get("Authorization", "")
        if engine == "deepl":
            auth_ok = auth == "DeepL-Auth-Key " + a.key
        elif engine == "libre":
            auth_ok = body.get("api_key") == a.key and not auth
        else:
            auth_ok = auth == "Bearer " + a.key
        if a.key and not auth_ok:
            self.error(engine, 403, "bad key")
            return
        if self.headers.get("Content-Type") != "application/json":
            self.error(engine, 400, "want application/json")
            return
        if path == "/v2/glossaries":
            ok = (body.get("source_lang") == "ja" and
                  body.get("entries_format") == "tsv" and
                  "\t" in body.get("entries", ""))
            st.write({"path": path, "bytes": length, "glossary": ok})
            if ok:
                self.send(201, json.dumps({"glossary_id": "g-test-1",
                                           "ready": True}))
            else:
                self.send(400, '{"message":"bad glossary"}')
            return

        n = st.next()
        fault = st.fault_for(n)
        texts, check = self.texts(engine, body)
        rec = {"n": n, "path": path, "engine": engine, "bytes": length,
               "texts": len(texts) if texts else 0, "fault": fault,
               "t": time.time(), "auth_ok": auth_ok,
               "context": bool(body.get("context")),
               "glossary_id": body.get("glossary_id"), "check": check}
        st.write(rec)
        if check:
            self.error(engine, 400, check)
            return
        if fault in ("429", "500", "503", "456", "403"):
            extra = {}
            if fault == "429" and a.retry_after is not None:
                extra["Retry-After"] = a.retry_after
            self.error(engine, int(fault), "injected " + fault, extra)
            return
        if fault == "notjson500":
            self.send(500, "Internal Server Error", "text/plain")
            return
        if fault == "reset":
            self.reset()
            return
        if fault == "huge":
            self.huge()
            return
        if fault == "ctype":
            self.send(200, "<html><body>Service page</body></html>",
                      "text/html")
            return
        xml = engine == "deepl"
        outs = [fake_translate(t, xml) for t in texts]
        if fault == "drop":
            outs = [TAG.sub("", o) if xml else TOKEN.sub("", o) for o in outs]
        if engine == "deepl":
            resp = {"translations": [{"detected_source_language": "JA",
                                      "text": o} for o in outs]}
        elif engine == "libre":
            resp = {"translatedText": outs}
        else:
            resp = {"id": "c-%d" % n, "object": "chat.completion",
                    "created": int(time.time()), "model": body.get("model"),
                    "choices": [{"index": 0, "finish_reason":
                                 "length" if fault == "length" else "stop",
                                 "message": {"role": "assistant",
                                             "content": outs[0]}}],
                    "usage": {"prompt_tokens": 1, "completion_tokens": 1,
                              "total_tokens": 2}}
        data = json.dumps(resp, ensure_ascii=False)
        if fault == "truncated":
            data = data[: len(data) // 2]
        if fault == "slow":
            self.drip(data.encode("utf-8"))
            return
        self.send(200, data)

    def texts(self, engine, body):
        """The texts of a request, and what is wrong with it (or None)."""
        if engine == "deepl":
            t = body.get("text")
            if not isinstance(t, list) or not t:
                return None, "text must be a non-empty array"
            if len(t) > 50:
                return t, "more than 50 texts"
            if int(self.headers.get("Content-Length", "0")) > 128 * 1024:
                return t, "body over 128 KiB"
            if body.get("source_lang") != "JA" or \
                    body.get("target_lang") != "EN-US":
                return t, "languages"
            if body.get("tag_handling") != "xml" or \
                    body.get("ignore_tags") != ["x"] or \
                    body.get("split_sentences") != "0":
                return t, "tag handling"
            return t, None
        if engine == "libre":
            q = body.get("q")
            if not isinstance(q, list) or not q:
                return None, "q must be an array"
            if body.get("source") != "ja" or body.get("target") != "en":
                return q, "languages"
            return q, None
        msgs = body.get("messages") or []
        if len(msgs) != 2 or msgs[0].get("role") != "system":
            return None, "want system and user messages"
        if body.get("temperature") != 0:
            return None, "temperature must be 0"
        user = msgs[1].get("content", "")
        for tok in TOKEN.findall(user):
            if tok + " = " not in msgs[0].get("content", ""):
                return [user], "placeholder %s not in the system prompt" % tok
        return [user], None


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port-file", required=True)
    p.add_argument("--log")
    p.add_argument("--key", default="")
    p.add_argument("--fault", choices=FAULTS)
    p.add_argument("--at", type=int, default=1,
                   help="first request (1-based) to get the fault")
    p.add_argument("--times", type=int, default=1,
                   help="how many requests in a row get it")
    p.add_argument("--retry-after")
    p.add_argument("--drip", type=float, default=1.5,
                   help="seconds between bytes of a slow answer")
    p.add_argument("--lifetime", type=float, default=90)
    a = p.parse_args()

    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.daemon_threads = True
    srv.state = State(a)
    tmp = a.port_file + ".tmp"
    with open(tmp, "w") as f:
        f.write(str(srv.server_address[1]))
    os.rename(tmp, a.port_file)
    threading.Timer(a.lifetime, lambda: os._exit(3)).start()
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
