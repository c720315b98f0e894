#!/usr/bin/env python3
"""A tiny round-robin HTTP proxy on loopback for scripts/faults/two-instances.sh.

    python3 proxy.py LISTEN_PORT BACKEND_PORT [BACKEND_PORT ...]

Each request goes to the next backend; a backend that refuses the connection (killed) is skipped and the request
goes to the next one, which is safe because nothing was sent. A backend that dies during a request gets 502 back
to the client: the request may or may not have been applied, as with any load balancer.
"""
import http.client
import itertools
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

BACKENDS = [int(p) for p in sys.argv[2:]]
NEXT = itertools.count()
LOCK = threading.Lock()
HOP = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer"}


class Proxy(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def forward(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP}
        with LOCK:
            start = next(NEXT)
        for i in range(len(BACKENDS)):
            port = BACKENDS[(start + i) % len(BACKENDS)]
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            try:
                conn.connect()
            except OSError:
                continue  # refused: try the next backend
            try:
                conn.request(self.command, self.path, body=body, headers=headers)
                res = conn.getresponse()
                data = res.read()
            except (OSError, http.client.HTTPException):
                self.reply(502, b"backend failed during the request")
                return
            finally:
                conn.close()
            self.send_response(res.status)
            for k, v in res.getheaders():
                if k.lower() not in HOP and k.lower() != "content-length":
                    self.send_header(k, v)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("X-Backend", str(port))
            self.end_headers()
            self.wfile.write(data)
            return
        self.reply(503, b"no backend")

    def reply(self, status, text):
        self.send_response(status)
        self.send_header("Content-Length", str(len(text)))
        self.end_headers()
        self.wfile.write(text)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = forward


if __name__ == "__main__":
    server = ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Proxy)
    server.daemon_threads = True
    server.serve_forever()
