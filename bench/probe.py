#!/usr/bin/env python3
"""Reliability probe: the packaged service attacked the way issue 15 did, with the figures counted.

Starts the jar (-Xmx512m) on a fresh H2 file in a temporary directory, imports the real mbox files,
then runs six probes and prints a table:

  1. hostile requests: every GET path of /q/openapi with hostile path and query values, hostile
     headers, write methods on read-only paths and /q/*, raw malformed request lines over a socket;
     any 5xx is listed, and any ?format=text answer holding bidi overrides or control characters
  2. token variants on the write endpoints: only the real token may be accepted
  3. forged source URLs (hosts, userinfo, other ports, 127.0.0.1 spelled otherwise, schemes): 400,
     and an allowed source whose server redirects elsewhere: the target is never reached
  4. concurrent uploads: 8 of one mbox, then 2 different mboxes at once: no 5xx, nothing lost
  5. mutants of real messages (byte flips, truncations, ~1 MB header lines, broken MIME, huge
     References) imported at -Xmx512m; the count is checked again after a restart
  6. a gzip bomb as the import body (plain and with Content-Encoding: gzip)

Exits 1 when a 5xx, lost data, an accepted wrong token, an accepted forged URL, a reached redirect
target, a dead service or an unsafe text answer was seen. Python 3 standard library only.
"""
import argparse
import concurrent.futures as cf
import gzip
import hashlib
import http.server
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import zlib

TOKEN = "probe-" + hashlib.sha256(str(time.time()).encode()).hexdigest()[:24]
DEFAULT_SOURCES = ["rust-for-linux", "linux-nvme", "v9fs", "linux-block", "netdev", "linux-kernel"]
UNSAFE_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def log(*a):
    print(time.strftime("%H:%M:%S"), *a, flush=True)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


# ---------------------------------------------------------------- HTTP over a raw socket

class Resp:
    def __init__(self, status, headers, body, error=None):
        self.status = status          # int, or None when no status line came back
        self.headers = headers        # lower-case name -> value (last wins)
        self.body = body
        self.error = error

    def json(self):
        return json.loads(self.body.decode("utf-8"))


def _read_response(sock, head_only=False):
    buf = b""
    while b"\r\n\r\n" not in buf:
        chunk = sock.recv(65536)
        if not chunk:
            break
        buf += chunk
    if b"\r\n\r\n" not in buf:
        return Resp(None, {}, buf, "no complete response head" if buf else "closed without a response")
    head, rest = buf.split(b"\r\n\r\n", 1)
    lines = head.split(b"\r\n")
    m = re.match(rb"HTTP/\d\.\d (\d{3})", lines[0])
    if not m:
        return Resp(None, {}, buf, "bad status line")
    status = int(m.group(1))
    headers = {}
    for line in lines[1:]:
        k, _, v = line.partition(b":")
        headers[k.strip().decode("latin-1").lower()] = v.strip().decode("latin-1")
    if head_only or status in (204, 304) or 100 <= status < 200:
        return Resp(status, headers, b"")
    if headers.get("transfer-encoding", "").lower() == "chunked":
        data = rest
        body = b""
        while True:
            while b"\r\n" not in data:
                c = sock.recv(65536)
                if not c:
                    return Resp(status, headers, body, "chunked body cut")
                data += c
            size_line, data = data.split(b"\r\n", 1)
            try:
                size = int(size_line.split(b";")[0], 16)
            except ValueError:
                return Resp(status, headers, body, "bad chunk size")
            if size == 0:
                break
            while len(data) < size + 2:
                c = sock.recv(65536)
                if not c:
                    return Resp(status, headers, body + data, "chunked body cut")
                data += c
            body += data[:size]
            data = data[size + 2:]
        return Resp(status, headers, body)
    if "content-length" in headers:
        try:
            n = int(headers["content-length"])
        except ValueError:
            n = -1
        body = rest
        while n >= 0 and len(body) < n:
            c = sock.recv(65536)
            if not c:
                break
            body += c
        return Resp(status, headers, body)
    body = rest
    while True:
        c = sock.recv(65536)
        if not c:
            break
        body += c
    return Resp(status, headers, body)


def raw_exchange(port, data, timeout=60, head_only=False):
    """Sends bytes as they are, reads one response. Never raises."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
            if isinstance(data, (list, tuple)):
                for part in data:
                    s.sendall(part)
            else:
                s.sendall(data)
            return _read_response(s, head_only)
    except (OSError, socket.timeout) as e:
        return Resp(None, {}, b"", type(e).__name__ + ": " + str(e))


def to_bytes(x):
    return x if isinstance(x, bytes) else x.encode("utf-8", "surrogateescape")


def request(port, method, target, headers=None, body=None, timeout=60, host="127.0.0.1"):
    """One HTTP/1.1 request, target sent byte for byte (no quoting, no checks)."""
    lines = [to_bytes(method) + b" " + to_bytes(target) + b" HTTP/1.1"]
    hs = {"Host": "%s:%d" % (host, port), "Connection": "close", "User-Agent": "patchtrack-probe"}
    extra = []
    for k, v in (headers or {}).items() if isinstance(headers, dict) else (headers or []):
        if k in hs:
            hs[k] = v
        else:
            extra.append((k, v))
    items = [(k, v) for k, v in hs.items() if v is not None] + extra
    if body is not None and not any(k.lower() in ("content-length", "transfer-encoding") for k, _ in items):
        items.append(("Content-Length", str(len(body))))
    for k, v in items:
        lines.append(to_bytes(k) + b": " + to_bytes(v))
    data = b"\r\n".join(lines) + b"\r\n\r\n"
    if body is not None:
        if len(body) > 1 << 20:
            return raw_exchange(port, [data] + [body[i:i + (1 << 20)] for i in range(0, len(body), 1 << 20)],
                                timeout, method == "HEAD")
        data += body
    return raw_exchange(port, data, timeout, method == "HEAD")


def q(s):
    return urllib.parse.quote(s, safe="")


# ---------------------------------------------------------------- the service

class Service:
    def __init__(self, jar, workdir, extra_props):
        self.jar = jar
        self.dir = workdir
        self.port = free_port()
        self.props = extra_props
        self.proc = None
        self.starts = 0

    def command(self):
        props = {
            "quarkus.http.port": str(self.port),
            "quarkus.http.host": "127.0.0.1",
            "quarkus.datasource.jdbc.url": "jdbc:h2:file:%s/db;AUTO_SERVER=TRUE;MAX_COMPACT_TIME=0;WRITE_DELAY=0" % self.dir,
            "patchtrack.api-tokens": TOKEN,
            "patchtrack.lwn.enabled": "false",
            "patchtrack.sync.tick": "1s",
            "patchtrack.sync.first-delay": "1s",
            "patchtrack.sync.git-dir": os.path.join(self.dir, "git"),
            "patchtrack.sync.download-dir": os.path.join(self.dir, "downloads"),
            "patchtrack.http.per-host-interval": "0s",
            "patchtrack.http.max-attempts": "1",
        }
        for s in DEFAULT_SOURCES:
            props["patchtrack.sources.%s.enabled" % s] = "false"
        props.update(self.props)
        # as deployed (deploy/Dockerfile): an out-of-memory error ends the process
        return ["java", "-Xmx512m", "-XX:+ExitOnOutOfMemoryError"] + ["-D%s=%s" % kv for kv in props.items()] + ["-jar", self.jar]

    def start(self):
        self.starts += 1
        out = open(os.path.join(self.dir, "service-%d.log" % self.starts), "wb")
        t0 = time.time()
        self.proc = subprocess.Popen(self.command(), stdout=out, stderr=subprocess.STDOUT, cwd=self.dir)
        while time.time() - t0 < 300:
            if self.proc.poll() is not None:
                raise RuntimeError("the service ended at start (exit %s); see %s" % (self.proc.returncode, out.name))
            r = request(self.port, "GET", "/q/health/live", timeout=5)
            if r.status == 200:
                return time.time() - t0
            time.sleep(0.5)
        raise RuntimeError("the service did not start within 300 s")

    def alive(self):
        return self.proc is not None and self.proc.poll() is None and \
            request(self.port, "GET", "/q/health/live", timeout=30).status == 200

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode if self.proc else None

    def get_json(self, path):
        r = request(self.port, "GET", path, {"Accept": "application/json"})
        if r.status != 200:
            raise RuntimeError("GET %s: %s %s" % (path, r.status, r.body[:300]))
        return r.json()

    def auth(self):
        return {"Authorization": "Bearer " + TOKEN}

    def import_mbox(self, lst, body, timeout=900):
        t0 = time.time()
        r = request(self.port, "POST", "/api/import?list=" + lst, dict(self.auth(), **{"Content-Type": "application/mbox"}),
                    body, timeout=timeout)
        return r, time.time() - t0

    def on_list(self, lst):
        """messagesOnList of a disabled source named after the list (created on first use)."""
        body = json.dumps({"baseUrl": "https://lore.kernel.org/", "mode": "atom", "enabled": False}).encode()
        r = request(self.port, "PUT", "/api/sources/" + lst, dict(self.auth(), **{"Content-Type": "application/json"}), body)
        if r.status != 200:
            raise RuntimeError("PUT /api/sources/%s: %s %s" % (lst, r.status, r.body[:300]))
        return r.json()["messagesOnList"]


# ---------------------------------------------------------------- mail

def split_mbox(data):
    """mboxrd -> list of messages (bytes, still escaped as in the file, without the From_ line)."""
    out = []
    for part in re.split(rb"(?m)^From (?=\S)", data)[1:]:
        nl = part.find(b"\n")
        out.append(part[nl + 1:])
    return out


def join_mbox(msgs):
    out = []
    for m in msgs:
        if not m.endswith(b"\n"):
            m += b"\n"
        out.append(b"From probe@example.invalid Thu Jan  1 00:00:00 1970\n" + m + b"\n")
    return b"".join(out)


def message_id(raw):
    """The service's rule (MailParser.messageId), close enough: None means a synthetic id."""
    hdr = raw.split(b"\n\n", 1)[0]
    hdr = re.sub(rb"\r?\n[ \t]+", b" ", hdr)
    for line in hdr.split(b"\n"):
        if line[:11].lower() == b"message-id:":
            v = line[11:].strip().decode("utf-8", "replace")
            lt = v.find("<")
            if lt >= 0:
                gt = v.find(">", lt + 1)
                i = v[lt + 1:gt] if gt >= 0 else v[lt + 1:]
            else:
                i = v
            i = re.sub(r"[\s<>]", "", i)
            if i and (lt >= 0 or "@" in i) and len(i) <= 998 and not UNSAFE_TEXT.search(i):
                return i
            return None
    return None


def distinct_ids(msgs):
    ids = set()
    for m in msgs:
        i = message_id(m)
        ids.add(i if i else "synthetic:" + hashlib.sha256(m.rstrip(b"\n")).hexdigest())
    return ids


def set_header(raw, name, value):
    """Replaces (or adds) a header; value is bytes."""
    head, sep, body = raw.partition(b"\n\n")
    pat = re.compile(rb"(?mi)^" + re.escape(name) + rb":.*(?:\n[ \t].*)*")
    if pat.search(head):
        head = pat.sub(lambda _: name + b": " + value, head, count=1)
    else:
        head = head + b"\n" + name + b": " + value
    return head + (sep or b"\n\n") + body


HOSTILE_MAIL = [
    ("[PATCH 1/2] rust: \u202eevil\u202c subject \x1b[31mred\x1b[0m", "Mallory \u202eyrollaM <mallory@example.invalid>"),
    ("[PATCH 2/2] rust: <script>alert(1)</script> & \"quotes\"", "Eve <eve@example.invalid>"),
    ("Re: [PATCH 1/2] rust: \u2066isolate\u2069 \x07bell\x08", "Trudy\x00Nul <trudy@example.invalid>"),
    ("[PATCH] rust: '; DROP TABLE message;--", "Bobby Tables <bobby@example.invalid>"),
]


def hostile_mail():
    msgs = []
    for n, (subj, frm) in enumerate(HOSTILE_MAIL):
        body = ("Body with \u202e bidi override and \x1b]8;;http://evil/\x1b\\ OSC link and \x0c form feed.\n\n"
                "Signed-off-by: \u202eX <x@example.invalid>\n---\n"
                " rust/kernel/lib.rs | 1 +\n\ndiff --git a/rust/kernel/lib.rs b/rust/kernel/lib.rs\n"
                "--- a/rust/kernel/lib.rs\n+++ b/rust/kernel/lib.rs\n@@ -1 +1,2 @@\n line\n+\u202eadded\n")
        raw = ("Message-ID: <probe-hostile-%d@example.invalid>\nFrom: %s\nTo: rust-for-linux@vger.kernel.org\n"
               "Subject: %s\nDate: Mon, 6 May 2024 10:0%d:00 +0000\nMIME-Version: 1.0\n"
               "Content-Type: text/plain; charset=utf-8\n%s\n%s") % (
            n, frm, subj, n, "In-Reply-To: <probe-hostile-0@example.invalid>\n" if n == 2 else "", body)
        msgs.append(raw.encode("utf-8"))
    return msgs


def mutants(real, count, seed, huge):
    """Mutants of real messages, each with a Message-ID of its own (kept unless the mutation hits it)."""
    rnd = random.Random(seed)
    kinds = ["flip", "flip", "truncate", "mime", "refs", "headers", "nul", "bidi", "longline", "nomid", "splice"]
    out = []
    for n in range(count):
        src = rnd.choice(real)
        m = set_header(src, b"Message-ID", b"<probe-mutant-%d@example.invalid>" % n)
        kind = "huge" if n < huge else kinds[n % len(kinds)]
        if kind == "huge":
            name = rnd.choice([b"X-Probe-Long", b"Subject", b"References", b"From", b"Content-Type"])
            value = b"a" * (1024 * 1024 - 200)
            if name == b"References":
                value = b" ".join(b"<r%d.%d@example.invalid>" % (n, i) for i in range(1024 * 1024 // 24))
            m = set_header(m, name, value)
        elif kind == "flip":
            b = bytearray(m)
            for _ in range(rnd.randint(1, 40)):
                i = rnd.randrange(len(b))
                b[i] = rnd.randrange(256)
            m = bytes(b).replace(b"\nFrom ", b"\n>From ")
        elif kind == "truncate":
            m = m[:rnd.randrange(1, max(2, len(m)))]
        elif kind == "mime":
            variant = n % 5
            if variant == 0:
                m = set_header(m, b"Content-Type", b'multipart/mixed; boundary="never-appears"')
            elif variant == 1:
                m = set_header(m, b"Content-Type", b"multipart/mixed")
            elif variant == 2:
                m = set_header(set_header(m, b"Content-Transfer-Encoding", b"base64"), b"Content-Type",
                               b"text/plain; charset=x-no-such-charset")
            elif variant == 3:
                nest = b"".join(b'Content-Type: multipart/mixed; boundary="b%d"\n\n--b%d\n' % (i, i) for i in range(2000))
                m = set_header(m, b"Content-Type", b'multipart/mixed; boundary="b"') + b"\n--b\n" + nest
            else:
                m = set_header(set_header(m, b"Content-Transfer-Encoding", b"quoted-printable"), b"Subject",
                               b"=?utf-8?B?!!!notbase64?= =?x-evil?Q?=ZZ=?= =?utf-8?q?" + b"=E2=80=AE" * 50 + b"?=")
        elif kind == "refs":
            m = set_header(m, b"References", b" ".join(b"<ref%d.%d@example.invalid>" % (n, i) for i in range(2000)))
        elif kind == "headers":
            m = set_header(m, b"X-Many", b"x\n" + b"".join(b"X-H%d: v\n" % i for i in range(1500)).rstrip(b"\n"))
        elif kind == "nul":
            m = m.replace(b"\n\n", b"\n\x00\x01\x02: \xff\xfe\n\n", 1)
        elif kind == "bidi":
            m = set_header(m, b"Subject", ("[PATCH] rust: \u202e%d\x1b[2J\x07" % n).encode("utf-8"))
        elif kind == "longline":
            m = m + b"x" * rnd.randint(20000, 60000)
        elif kind == "nomid":
            m = re.sub(rb"(?mi)^Message-ID:.*\n", b"", m, count=1)
        elif kind == "splice":
            other = rnd.choice(real)
            m = m[:len(m) // 2] + other[len(other) // 2:]
        out.append(m)
    return out


def gzip_bomb(size):
    c = zlib.compressobj(9, zlib.DEFLATED, 31)
    head = (b"From bomb@example.invalid Thu Jan  1 00:00:00 1970\nMessage-ID: <probe-bomb@example.invalid>\n"
            b"Subject: bomb\n\n")
    parts = [c.compress(head)]
    zeros = b"\0" * (1 << 20)
    for _ in range(size >> 20):
        parts.append(c.compress(zeros))
    parts.append(c.flush())
    return b"".join(parts)


# ---------------------------------------------------------------- probes

class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.tried = 0
        self.classes = {}
        self.fivexx = []
        self.unsafe_text = []
        self.q_writes_2xx = []
        self.slow = []
        self.text_checked = 0

    def add(self, desc, r, check_text=False, secs=None):
        with self.lock:
            if secs is not None:
                self.slow = sorted(self.slow + [(secs, desc, r.status)], reverse=True)[:5]
            self.tried += 1
            cls = "%dxx" % (r.status // 100) if r.status else "no response"
            self.classes[cls] = self.classes.get(cls, 0) + 1
            if r.status and r.status >= 500:
                self.fivexx.append((desc, r.status, r.body[:300]))
            if check_text and r.status and "text/plain" in r.headers.get("content-type", ""):
                self.text_checked += 1
                text = r.body.decode("utf-8", "replace")
                if UNSAFE_TEXT.search(text):
                    self.unsafe_text.append((desc, r.status, UNSAFE_TEXT.search(text).group(0)))


HOSTILE_VALUES = [
    "", "-1", "0", "-0", "99999999999999999999", "2147483648", "-9223372036854775809", "1e308", "NaN", "0x10",
    b"\xe2\x80\xae", "%E2%80%AE", "%", "%zz", "%e2%80", "%00", "%0d%0aX-Injected:%20yes", "%01%1b[31m", "%7f",
    "'%20OR%201=1--", "%22;%20DROP%20TABLE%20message;--", "%3Cscript%3Ealert(1)%3C/script%3E", "<script>",
    "2024-13-45", "9999-99-99", "0000-00-00", "1.weeks.ago.ago", "99999999999d", "-3d", "2024-02-30T25:61:61Z",
    b"\xe9t\xe9", b"\xff\xfe\xfd", b"\xc0\xaf", "%c0%af", "*", "..%2F..%2Fetc%2Fpasswd", "{}", "[]", "a,b,,,",
    "%u202e", "\\u202e", "A" * 3000, "9" * 400, "json", "text", "xml", b"\x7f", "+", "%2B%2B", "a=b&c=d", "%26%3D",
]
HOSTILE_IDS = ["0", "-1", "99999999999999999999", "1e9", "abc", "%00", "%E2%80%AE", b"\xe2\x80\xae", "%zz",
               "'%20OR%201=1--", "%3Cscript%3E", "..%2F..%2Fetc%2Fpasswd", "1.5", "%20", "A" * 2000]
HOSTILE_MIDS = ["%3E%3C", "nope@nowhere", "%00@x", "%E2%80%AE@x", b"\xe2\x80\xae@x", "..%2F..", "%25", "a" * 3000 + "@x",
                "<script>@x", "x%0d%0aSet-Cookie:%20a=b"]


def fill(path, ids, value):
    def sub(m):
        name = m.group(1)
        if value is not None:
            return value
        return ids.get(name, ids["id"])
    return re.sub(r"\{(\w+)\}", sub, path)


def probe_hostile(svc, budget, rnd, tally, openapi, ids_by_path, workers):
    port = svc.port
    jobs = []
    gets = [(p, o) for p, ops in openapi["paths"].items() for m, o in ops.items() if m == "get"]
    extra_paths = [("/api/v1/messages/{mid}/raw", {"parameters": []}), ("/api/messages/{mid}", {"parameters": []}),
                   ("/api/series", {"parameters": []}), ("/api/patches/{id}", {"parameters": []})]
    all_paths = []
    for p, o in gets + extra_paths:
        p2 = p.replace("/api/v1/messages/{id}", "/api/v1/messages/{mid}")
        params = [x["name"] for x in o.get("parameters", []) if x.get("in") == "query"]
        all_paths.append((p2, params + ["format", "width", "unknown_param", "page", "per_page", "format"]))
    # path parameters: real ids, then hostile ones
    for p, params in all_paths:
        targets = [fill(p, ids_by_path(p), None)]
        if "{" in p:
            pool = HOSTILE_MIDS if "{mid}" in p else HOSTILE_IDS
            targets += [fill(p, ids_by_path(p), v if isinstance(v, str) else v.decode("latin-1")) for v in pool]
        for t in targets:
            jobs.append(("GET", t, None, "path"))
            jobs.append(("GET", t + "?format=text", None, "path"))
    # query values: every parameter of every path with hostile values, sampled to the budget
    qjobs = []
    for p, params in all_paths:
        base = fill(p, ids_by_path(p), None)
        for name in dict.fromkeys(params):
            for v in HOSTILE_VALUES:
                vs = v.decode("latin-1") if isinstance(v, bytes) else v
                fmt = "&format=text" if name != "format" else ""
                qjobs.append(("GET", "%s?%s=%s%s" % (base, name, vs, fmt), None, "query"))
    rnd.shuffle(qjobs)
    jobs += qjobs[:max(0, budget["query"])]
    # hostile headers on a sample of real paths
    header_sets = [
        {"Accept": "text/html"}, {"Accept": "application/x-evil"}, {"Accept": "*/*;q=garbage"},
        {"Accept": "text/plain; charset=x-evil"}, {"Accept": "\u202e/\u202e"}, {"Accept": "a" * 15000},
        {"Accept": "application/json;q=0, text/plain;q=0"}, {"Accept": "application/atom+xml"},
        {"If-None-Match": "garbage"}, {"If-None-Match": "W/\""}, {"If-None-Match": "*"},
        {"If-None-Match": ", ".join('"%d"' % i for i in range(1500))}, {"If-Modified-Since": "yesterday"},
        {"If-Modified-Since": "Thu, 01 Jan 1970 00:00:00 GMT"}, {"If-Modified-Since": "Fri, 31 Dec 9999 23:59:59 GMT"},
        {"Host": ""}, {"Host": "evil.example"}, {"Host": "a" * 300}, {"Host": "127.0.0.1:99999"}, {"Host": "[::1"},
        {"Host": None}, {"X-Big": "b" * 30000}, {"Range": "bytes=garbage"}, {"Range": "bytes=-1-99999999999"},
        {"Accept-Encoding": "gzip, br, " + "x" * 1000}, {"Accept-Language": "\u202e"}, {"X-Forwarded-For": "' OR 1=1"},
        {"Content-Type": "application/json", "Content-Length": "5"}, {"Authorization": "Bearer " + "x" * 5000},
        {"Cookie": "a=" + "c" * 8000}, {"Accept-Charset": "x-evil"}, {"Origin": "null"},
        {"If-Match": "garbage"}, {"If-Range": "garbage"}, {"TE": "trailers, deflate"},
    ]
    real_targets = [fill(p, ids_by_path(p), None) for p, _ in all_paths]
    hjobs = []
    for t in real_targets:
        for h in header_sets:
            body = b"{}xx" if h.get("Content-Length") == "5" else None
            hjobs.append(("GET", t, h, "header", body))
    rnd.shuffle(hjobs)
    jobs += hjobs[:budget["header"]]
    # write methods on read-only paths and /q/*
    qpaths = ["/q/openapi", "/q/openapi?format=json", "/q/health", "/q/health/live", "/q/health/ready", "/q/metrics",
              "/q/swagger-ui/", "/q/dev-ui", "/q/nonexistent", "/", "/index.html"]
    for t in qpaths + real_targets:
        for m in ["PUT", "POST", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "FOO"]:
            body = b'{"x": 1}' if m in ("PUT", "POST", "PATCH") else None
            jobs.append((m, t, {"Content-Type": "application/json"} if body else None, "method", body))
            if m in ("PUT", "POST", "DELETE", "PATCH"):
                jobs.append((m, t, dict(svc.auth(), **({"Content-Type": "application/json"} if body else {})),
                             "method+token", body))

    def run(job):
        method, target, headers, kind = job[:4]
        body = job[4] if len(job) > 4 else None
        t0 = time.time()
        r = request(port, method, target, headers, body, timeout=120)
        secs = time.time() - t0
        desc = "%s %s%s" % (method, target[:300], (" " + json.dumps({k: (v or "")[:80] for k, v in headers.items()}))
                            if headers else "")
        tally.add(desc, r, check_text="format=text" in target or (headers or {}).get("Accept", "").startswith("text/plain"),
                  secs=secs)
        if kind.startswith("method") and target.startswith("/q/") and method in ("PUT", "POST", "DELETE", "PATCH") \
                and r.status and 200 <= r.status < 300:
            with tally.lock:
                tally.q_writes_2xx.append(desc)

    with cf.ThreadPoolExecutor(workers) as ex:
        list(ex.map(run, jobs))
    text_checks(svc, tally, "probe-hostile", ["probe-hostile-%d@example.invalid" % i for i in range(len(HOSTILE_MAIL))])
    # raw request lines over a socket
    raw = [
        b"GET\r\n\r\n", b"GET /api/series\r\n\r\n", b"GET /api/series HTTP/9.9\r\nHost: x\r\n\r\n",
        b"GET  /api/series  HTTP/1.1\r\nHost: x\r\n\r\n", b"G\x00T /api/series HTTP/1.1\r\nHost: x\r\n\r\n",
        b"GET /" + b"a" * 100000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
        b"GET /api/series?" + b"p=1&" * 3000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
        b"GET /api/series HTTP/1.1\r\nHost: x\r\n" + b"".join(b"X-%d: y\r\n" % i for i in range(10000)) + b"\r\n",
        b"GET /api/series HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n",
        b"GET http://evil.example/api/series HTTP/1.1\r\nHost: x\r\n\r\n", b"GET * HTTP/1.1\r\nHost: x\r\n\r\n",
        b"CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: x\r\n\r\n", b"GET /api/series?%%% HTTP/1.1\r\nHost: x\r\n\r\n",
        b"GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n", b"GET /api/../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
        b"\r\n\r\nGET /api/series HTTP/1.1\r\nHost: x\r\n\r\n", b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + b"\0" * 64,
        b"GET /api/series HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
        b"GET /api/series HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n",
        b"POST /api/import HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\nzz\r\n",
        b"POST /api/import?list=x HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN.encode()
        + b"\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\nnot a chunk\r\n",
        b"GET /api/series HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
        b"GET /api/series HTTP/1.1\r\nHost: x\r\n X-folded: y\r\n\r\n", b"GET /api/series HTTP/1.1\nHost: x\n\n",
        b"GET /api/series\xe2\x80\xae HTTP/1.1\r\nHost: x\r\n\r\n", b"GET /api/series HTTP/1.1\r\nHost: \xff\xfe\r\n\r\n",
        b"GET /api/series HTTP/1.1\r\nHost: x\r\nX: \x00\x01\x02\r\n\r\n",
        b"GET /api/series HTTP/1.1\r\nHost: x\r\n\r\nGET /api/topics HTTP/1.1\r\nHost: x\r\n\r\n",
        b"\xff" * 5000, b"GET /api/series HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n\r\n",
        b"HEAD /api/series HTTP/1.0\r\n\r\n", b"GET /api/series HTTP/1.0\r\n\r\n", b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
        b"GET /api/patches HTTP/1.0\r\n\r\n", b"GET /feeds/series.atom HTTP/1.0\r\n\r\n",
        b"GET /api/topics HTTP/1.0\r\n\r\n", b"GET /api/series HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n",
    ]
    # A request the server cannot see the end of (a mutated terminator, a Content-Length never sent)
    # is waited for: 5 s, then it counts as "no response". Sockets wait, they do not compute: 8 at once.
    datas = []
    for i in range(budget["raw"]):
        if i < len(raw):
            datas.append(raw[i])
        else:
            base = bytearray(rnd.choice(raw[:30]))
            for _ in range(rnd.randint(1, 8)):
                base[rnd.randrange(max(1, len(base) - 4))] = rnd.randrange(256)
            datas.append(bytes(base))

    def run_raw(data):
        r = raw_exchange(port, data, timeout=5)
        tally.add("raw %r" % data[:120], r)

    with cf.ThreadPoolExecutor(8) as ex:
        list(ex.map(run_raw, datas))


def text_checks(svc, tally, lst, mids):
    """?format=text and Accept: text/plain over mail whose headers and bodies hold U+202E and escapes."""
    paths = ["/api/series?list=%s&per_page=500" % lst, "/api/patches?list=%s&per_page=500" % lst,
             "/api/events?list=%s&limit=500" % lst, "/api/sources", "/api/topics", "/api/audit",
             "/api/series?q=%s" % q("\u202e"), "/api/patches?author=%s" % q("\u202e")]
    for mid in mids:
        paths += ["/api/messages/%s" % q(mid), "/api/messages/%s/raw" % q(mid)]
    for p in list(paths):
        r = request(svc.port, "GET", p, {"Accept": "application/json"})
        if p.startswith("/api/series?list") and r.status == 200:
            paths += ["/api/series/%d" % x["id"] for x in r.json()["items"][:50]]
        if p.startswith("/api/patches?list") and r.status == 200:
            paths += ["/api/patches/%d" % x["id"] for x in r.json()["items"][:50]]
    for p in paths:
        target = p + ("&" if "?" in p else "?") + "format=text"
        tally.add("GET " + target, request(svc.port, "GET", target), check_text=True)
        tally.add("GET %s (Accept: text/plain)" % p, request(svc.port, "GET", p, {"Accept": "text/plain"}), check_text=True)


def probe_tokens(svc, tally_tokens, tally):
    t = TOKEN
    must_refuse = [
        None, "", " ", "Bearer", "Bearer ", "Bearer  ", "Basic " + t, "Token", "Token " + t[:-1], t, "Bearer" + t,
        "Bearer " + t.upper(), "Bearer " + t + "x", "Bearer x" + t, "Bearer " + t + " " + t, "Bearer " + t + "," + t,
        "Bearer " + t + "\u00a0", "Bearer \u202e" + t, "Bearer " + t + "\u00e9", "Bearer " + "A" * 10000,
        "Bearer " + t * 200, "Bearer " + t + "\x00", "Bearer " + t[::-1], "Bearer " + t.replace("-", "_"),
        "Bearer \"" + t + "\"", "Bearer <" + t + ">", "Bearer " + t + ";", "Bearer=" + t, "Bearer:" + t,
        "Bearer\x00" + t, "Bearer%20" + t, "Bearer " + q(t + " "), "Bearer " + t + "%00", "Bearer \t" + t + "x",
        "bearer " + t[:-1], "Bearer " + "\u0430" + t[1:],
    ]
    must_refuse += ["Bearer " + t[:k] for k in range(1, len(t), 3)]
    must_refuse += ["Bearer " + t[k:] for k in range(1, len(t), 4)]
    # Token <token> is git-pw's form (TokenFilter accepts it, README: Patchwork's clients)
    may_accept = ["Bearer " + t, "Token " + t, "bearer " + t, "BEARER " + t, "Bearer  " + t, "Bearer " + t + " ",
                  " Bearer " + t, "Bearer\t" + t, "Bearer " + t + "\t"]
    endpoints = [
        ("POST", "/api/import?list=probe-tokens", "application/mbox",
         lambda i: join_mbox([("Message-ID: <probe-token-%d@example.invalid>\nFrom: T <t@example.invalid>\n"
                               "Subject: token probe\n\nbody\n" % i).encode()])),
        ("PUT", "/api/sources/probe-tokens", "application/json",
         lambda i: json.dumps({"baseUrl": "https://lore.kernel.org/", "mode": "atom", "enabled": False}).encode()),
    ]
    n = 0
    for method, path, ctype, body in endpoints:
        for expect_ok, variants in ((False, must_refuse), (True, may_accept)):
            for v in variants:
                n += 1
                h = [("Content-Type", ctype)]
                if v is not None:
                    h.append(("Authorization", v))
                r = request(svc.port, method, path, h, body(n), timeout=60)
                tally.add("%s %s Authorization=%r" % (method, path, (v or "")[:60]), r)
                tally_tokens["tried"] += 1
                ok = r.status is not None and 200 <= r.status < 300
                if ok:
                    tally_tokens["accepted"] += 1
                    if not expect_ok:
                        tally_tokens["wrong_accepted"].append("%s %s Authorization: %r -> %s" % (method, path, v[:60], r.status))
                elif expect_ok and method == "POST":
                    tally_tokens["forms_refused"].append("%r -> %s" % (v.replace(t, "TOKEN"), r.status))
                if not ok and expect_ok and v == "Bearer " + t:
                    tally_tokens["real_refused"].append("%s %s -> %s %s" % (method, path, r.status, r.body[:200]))
        # two Authorization headers, the query string, a cookie
        for h in ([("Authorization", "Bearer wrong"), ("Authorization", "Bearer " + t)],
                  [("Authorization", "Bearer " + t), ("Authorization", "Bearer wrong")],
                  [("Cookie", "token=" + t)], [("X-Api-Token", t)], [("Proxy-Authorization", "Bearer " + t)]):
            n += 1
            r = request(svc.port, method, path + ("&" if "?" in path else "?") + "token=" + t + "&access_token=" + t,
                        h + [("Content-Type", ctype)], body(n))
            tally.add("%s %s %r" % (method, path, h), r)
            tally_tokens["tried"] += 1
            if r.status and 200 <= r.status < 300:
                tally_tokens["accepted"] += 1
                tally_tokens["wrong_accepted"].append("%s %s %r -> %s (two or hidden credentials)" % (method, path, h, r.status))


class Redirector(http.server.BaseHTTPRequestHandler):
    target = None
    hits = []

    def do_GET(self):
        Redirector.hits.append(self.path)
        self.send_response(302)
        self.send_header("Location", Redirector.target(self.path))
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_POST = do_GET

    def log_message(self, *a):
        pass


class Trap(http.server.BaseHTTPRequestHandler):
    hits = []

    def do_GET(self):
        Trap.hits.append(self.path)
        body = b"<feed xmlns='http://www.w3.org/2005/Atom'></feed>"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET

    def log_message(self, *a):
        pass


def probe_forged(svc, redir_port, trap_port, tally, result):
    P = redir_port
    forged = [
        "http://evil.example/", "https://lore.kernel.org.evil.example/", "https://lore.kernel.org@evil.example/",
        "http://lore.kernel.org@evil.example/", "https://lore.kernel.org:443@evil.example/",
        "https://lore.kernel.org%2eevil.example/", "https://lore.kernel.org\\@evil.example/",
        "https://LORE.KERNEL.ORG.evil.example/", "https://evil.example/#@lore.kernel.org/",
        "https://evil.example?@lore.kernel.org/", "https://l\u043ere.kernel.org/",
        "https://lore.kernel.org:8443/", "http://lore.kernel.org:22/", "https://lore.kernel.org:0/",
        "https://lore.kernel.org:99999/", "http://127.0.0.1:%d/" % trap_port, "http://localhost:%d/" % P,
        "http://[::1]:%d/" % P, "http://[::ffff:127.0.0.1]:%d/" % P, "http://[0:0:0:0:0:ffff:7f00:1]:%d/" % P,
        "http://2130706433:%d/" % P, "http://0x7f000001:%d/" % P, "http://0177.0.0.1:%d/" % P,
        "http://127.1:%d/" % P, "http://127.0.0.1.nip.io:%d/" % P, "http://0.0.0.0:%d/" % P,
        "http://127.0.0.1:%d@evil.example/" % P, "http://169.254.169.254/latest/meta-data/",
        "file:///etc/passwd", "ftp://lore.kernel.org/", "gopher://lore.kernel.org:70/_GET", "jar:https://lore.kernel.org/!/",
        "javascript:alert(1)", "data:text/plain,hi", "//evil.example/", "lore.kernel.org", "", " ",
        "https://", "http://[::1/", "https://lore.kernel.org:-1/", "https://lore.kernel.org:443.evil.example/",
    ]
    for n, url in enumerate(forged):
        body = json.dumps({"baseUrl": url, "mode": "atom", "enabled": False}).encode()
        name = "probe-forged-%d" % n
        r = request(svc.port, "PUT", "/api/sources/" + name, dict(svc.auth(), **{"Content-Type": "application/json"}), body)
        tally.add("PUT /api/sources/%s baseUrl=%r" % (name, url), r)
        result["tried"] += 1
        if r.status == 400:
            result["refused"] += 1
        else:
            result["not_400"].append("baseUrl %r -> %s %s" % (url, r.status, r.body[:160]))
        # and through POST
        body = json.dumps({"name": name + "-post", "baseUrl": url, "mode": "atom", "enabled": False}).encode()
        r = request(svc.port, "POST", "/api/sources", dict(svc.auth(), **{"Content-Type": "application/json"}), body)
        tally.add("POST /api/sources baseUrl=%r" % url, r)
        result["tried"] += 1
        if r.status == 400:
            result["refused"] += 1
        else:
            result["not_400"].append("POST baseUrl %r -> %s %s" % (url, r.status, r.body[:160]))
    # redirects: an allowed base (127.0.0.1:P) whose server sends each sync elsewhere, all at once
    targets = ["http://127.0.0.1:%d/trap" % trap_port, "http://[::1]:%d/trap" % trap_port,
               "http://localhost:%d/trap" % trap_port, "http://lore.kernel.org@127.0.0.1:%d/trap" % trap_port,
               "http://2130706433:%d/trap" % trap_port, "file:///etc/passwd"]

    def target(path):
        m = re.search(r"probe-redirect-(\d+)", path)
        return targets[int(m.group(1))] if m else "http://127.0.0.1:%d/trap" % trap_port

    Redirector.target = staticmethod(target)
    names = ["probe-redirect-%d" % n for n in range(len(targets))]
    for name, tgt in zip(names, targets):
        body = json.dumps({"baseUrl": "http://127.0.0.1:%d/" % P, "mode": "atom", "enabled": True,
                           "schedule": "1h"}).encode()
        r = request(svc.port, "PUT", "/api/sources/" + name, dict(svc.auth(), **{"Content-Type": "application/json"}), body)
        tally.add("PUT /api/sources/%s (redirect to %s)" % (name, tgt), r)
        result["redirects"] += 1
    errors = {}
    deadline = time.time() + 60
    while time.time() < deadline and len(errors) < len(names):
        for name in names:
            if name not in errors:
                info = svc.get_json("/api/sources/" + name)
                if info.get("lastError") or info.get("failures"):
                    errors[name] = info.get("lastError") or "failures %s" % info.get("failures")
        time.sleep(1)
    for name, tgt in zip(names, targets):
        request(svc.port, "PUT", "/api/sources/" + name, dict(svc.auth(), **{"Content-Type": "application/json"}),
                json.dumps({"enabled": False}).encode())
        asked = sum(1 for h in Redirector.hits if name in h)
        result["redirect_results"].append((tgt, asked, (errors.get(name) or "no error recorded")[:140]))
    result["trap_hits"] = len(Trap.hits)


def concurrent_uploads(svc, tally, label, uploads):
    """uploads: [(list, bytes)] all sent at once; returns the responses."""
    out = [None] * len(uploads)

    def go(i):
        r, secs = svc.import_mbox(uploads[i][0], uploads[i][1])
        tally.add("POST /api/import?list=%s (%s, upload %d, %d bytes)" % (uploads[i][0], label, i, len(uploads[i][1])), r)
        out[i] = (r, secs)

    ths = [threading.Thread(target=go, args=(i,)) for i in range(len(uploads))]
    for t in ths:
        t.start()
    for t in ths:
        t.join()
    return out


def check_ids(svc, ids, workers):
    missing = []

    def one(mid):
        r = request(svc.port, "GET", "/api/messages/" + q(mid), {"Accept": "application/json"})
        if r.status != 200:
            missing.append((mid, r.status))

    with cf.ThreadPoolExecutor(workers) as ex:
        list(ex.map(one, [i for i in ids if not i.startswith("synthetic:")]))
    return missing


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--jar", default="target/quarkus-app/quarkus-run.jar")
    ap.add_argument("--mbox", action="append", help="LIST=PATH of real mail (mbox or mbox.gz); repeatable")
    ap.add_argument("--gen", default="../shared/tools/gen-mbox.py")
    ap.add_argument("--keep", action="store_true", help="keep the temporary directory (database, logs)")
    ap.add_argument("--smoke", action="store_true", help="a small run: fewer requests and mutants")
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--workers", type=int, default=4)
    args = ap.parse_args()
    mboxes = args.mbox or ["linux-kbuild=../shared/corpus/real/linux-kbuild-rust.mbox.gz",
                           "linux-pci=../shared/corpus/real/linux-pci-rust.mbox.gz"]
    rnd = random.Random(args.seed)
    small = args.smoke
    budget = {"query": 600 if small else 2400, "header": 200 if small else 600, "raw": 40 if small else 250}
    n_mutants = 300 if small else 3000
    n_huge = 4 if small else 16
    series = 8 if small else 30
    bomb_size = (64 if small else 1100) << 20

    t_start = time.time()
    work = tempfile.mkdtemp(prefix="patchtrack-probe-")
    fig = {}
    failures = []
    redir = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Redirector)
    trap = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Trap)
    for s in (redir, trap):
        threading.Thread(target=s.serve_forever, daemon=True).start()
    svc = Service(os.path.abspath(args.jar), work, {
        "patchtrack.http.allowed-hosts": "lore.kernel.org,lwn.net,git.kernel.org,127.0.0.1:%d" % redir.server_address[1],
        "patchtrack.http.allow-private-addresses": "true",  # only so that the redirect probe's server is reached
    })
    tally = Tally()
    try:
        log("work dir %s; service on 127.0.0.1:%d" % (work, svc.port))
        fig["start"] = svc.start()
        log("started in %.1f s" % fig["start"])

        # ---- the real mail
        expected_lists = {}
        real_msgs = []
        for spec in mboxes:
            lst, path = spec.split("=", 1)
            data = open(path, "rb").read()
            msgs = split_mbox(gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data)
            real_msgs += msgs
            r, secs = svc.import_mbox(lst, data)
            tally.add("POST /api/import?list=%s (real mail)" % lst, r)
            if r.status != 200:
                raise RuntimeError("import of %s: %s %s" % (path, r.status, r.body[:300]))
            expected_lists[lst] = len(distinct_ids(msgs))
            log("imported %s: %s (%.1f s)" % (path, json.dumps({k: r.json()[k] for k in ("read", "stored", "duplicates")}), secs))
        r, _ = svc.import_mbox("probe-hostile", join_mbox(hostile_mail()))
        tally.add("POST /api/import?list=probe-hostile", r)
        expected_lists["probe-hostile"] = len(HOSTILE_MAIL)
        fig["real"] = {lst: (n, svc.on_list(lst)) for lst, n in expected_lists.items()}

        # ---- 1. hostile requests
        openapi = svc.get_json("/q/openapi?format=json")
        series_list = svc.get_json("/api/series?per_page=50")["items"]
        patches = svc.get_json("/api/patches?per_page=50")["items"]
        pw_series = svc.get_json("/api/1.3/series?per_page=5")
        covers = svc.get_json("/api/1.3/covers?per_page=5")
        people = svc.get_json("/api/1.3/people?per_page=5")
        projects = svc.get_json("/api/1.3/projects")
        real_mids = [m for m in (message_id(x) for x in rnd.sample(real_msgs, 40)) if m] + \
            ["probe-hostile-%d@example.invalid" % i for i in range(len(HOSTILE_MAIL))]
        pick = lambda xs, key="id", default="1": str(rnd.choice(xs)[key]) if xs else default

        def ids_by_path(p):
            ids = {"id": pick(series_list), "name": "linux-kbuild", "check": "1", "mid": q(rnd.choice(real_mids))}
            if "patch" in p:
                ids["id"] = pick(patches)
            if "/covers" in p or "/cover/" in p:
                ids["id"] = pick(covers)
            if "/people" in p:
                ids["id"] = pick(people)
            if "/projects" in p:
                ids["id"] = pick(projects)
            if "/1.3/series" in p or p.startswith("/series/"):
                ids["id"] = pick(pw_series)
            return ids

        t0 = time.time()
        probe_hostile(svc, budget, rnd, tally, openapi, ids_by_path, args.workers)
        fig["hostile_secs"] = time.time() - t0
        fig["hostile_tried"] = tally.tried
        log("hostile requests: %d in %.0f s, %s" % (tally.tried, fig["hostile_secs"], tally.classes))
        if not svc.alive():
            failures.append("the service is not alive after the hostile requests")

        # ---- 2. tokens
        tok = {"tried": 0, "accepted": 0, "wrong_accepted": [], "real_refused": [], "forms_refused": []}
        probe_tokens(svc, tok, tally)
        fig["tokens"] = tok
        log("token variants: %d tried, %d accepted, %d wrongly" % (tok["tried"], tok["accepted"], len(tok["wrong_accepted"])))

        # ---- 3. forged source URLs
        forged = {"tried": 0, "refused": 0, "not_400": [], "redirects": 0, "redirect_results": [], "trap_hits": 0}
        probe_forged(svc, redir.server_address[1], trap.server_address[1], tally, forged)
        fig["forged"] = forged
        log("forged URLs: %d tried, %d refused; redirect targets reached %d times" % (
            forged["tried"], forged["refused"], forged["trap_hits"]))

        # ---- 4. concurrent uploads
        gen = os.path.abspath(args.gen)
        one = os.path.join(work, "one.mbox")
        subprocess.run([sys.executable, gen, str(series), str(args.seed + 1000), one], check=True, stdout=subprocess.DEVNULL)
        a = os.path.join(work, "a.mbox")
        b = os.path.join(work, "b.mbox")
        subprocess.run([sys.executable, gen, str(series), str(args.seed + 2000), a], check=True, stdout=subprocess.DEVNULL)
        subprocess.run([sys.executable, gen, str(series), str(args.seed + 2000), b, "--list", "linux-block@vger.kernel.org"],
                       check=True, stdout=subprocess.DEVNULL)
        conc = []
        t0 = time.time()
        data_one = open(one, "rb").read()
        ids_one = distinct_ids(split_mbox(data_one))
        res = concurrent_uploads(svc, tally, "8 at once", [("probe-conc-one", data_one)] * 8)
        stored = sum(r.json()["stored"] for r, _ in res if r.status == 200)
        conc.append(("8 x one mbox", len(ids_one), svc.on_list("probe-conc-one"), stored,
                     [r.status for r, _ in res], check_ids(svc, ids_one, args.workers)))
        data_a, data_b = open(a, "rb").read(), open(b, "rb").read()
        ids_a, ids_b = distinct_ids(split_mbox(data_a)), distinct_ids(split_mbox(data_b))
        res = concurrent_uploads(svc, tally, "2 different", [("probe-conc-a", data_a), ("probe-conc-b", data_b)])
        conc.append(("2 different mboxes (a)", len(ids_a), svc.on_list("probe-conc-a"), None, [res[0][0].status],
                     check_ids(svc, ids_a, args.workers)))
        conc.append(("2 different mboxes (b)", len(ids_b), svc.on_list("probe-conc-b"), None, [res[1][0].status],
                     check_ids(svc, ids_b - ids_a, args.workers)))
        fig["conc"] = conc
        fig["conc_secs"] = time.time() - t0
        for c in conc:
            log("%s: expected %d, found %d, statuses %s, ids missing %d" % (c[0], c[1], c[2], c[4], len(c[5])))

        # ---- 5. mutants, then a restart
        t0 = time.time()
        muts = mutants(real_msgs, n_mutants, args.seed, n_huge)
        body = join_mbox(muts)
        del muts
        log("mutants: %d, %.0f MB" % (n_mutants, len(body) / 1e6))
        r, secs = svc.import_mbox("probe-mutants", body, timeout=1800)
        del body
        tally.add("POST /api/import?list=probe-mutants", r)
        mut = {"sent": n_mutants, "status": r.status, "secs": secs}
        if r.status == 200:
            j = r.json()
            mut.update(read=j["read"], stored=j["stored"], duplicates=j["duplicates"], unparseable=j["unparseable"],
                       problems=j["problemCount"])
        else:
            mut["body"] = r.body[:300]
        alive = svc.alive()
        mut["alive_after"] = alive
        if alive:
            text_checks(svc, tally, "probe-mutants", ["probe-mutant-%d@example.invalid" % n
                                                      for n in range(n_huge, n_mutants) if n % 11 == 7][:40])
        lists = list(expected_lists) + ["probe-conc-one", "probe-conc-a", "probe-conc-b", "probe-mutants"]
        before = {lst: svc.on_list(lst) for lst in lists} if alive else {}
        mut["on_list"] = before.get("probe-mutants")
        code = svc.stop()
        mut["stop_exit"] = code
        mut["restart_secs"] = svc.start()
        after = {lst: svc.on_list(lst) for lst in lists}
        mut["after_restart"] = after.get("probe-mutants")
        mut["lost_after_restart"] = sum(max(0, before.get(k, 0) - after.get(k, 0)) for k in after)
        mut["total_before"] = sum(before.values())
        mut["total_after"] = sum(after.values())
        mut["secs_all"] = time.time() - t0
        fig["mut"] = mut
        log("mutants: %s" % json.dumps(mut))

        # ---- 6. gzip bomb
        bomb = gzip_bomb(bomb_size)
        log("gzip bomb: %d bytes expanding to %d MB" % (len(bomb), bomb_size >> 20))
        bombs = []
        for label, headers in (("gzip mbox body", {"Content-Type": "application/gzip"}),
                               ("Content-Encoding: gzip", {"Content-Type": "application/mbox", "Content-Encoding": "gzip"})):
            t0 = time.time()
            r = request(svc.port, "POST", "/api/import?list=probe-bomb", dict(svc.auth(), **headers), bomb, timeout=600)
            tally.add("POST /api/import?list=probe-bomb (%s, %d bytes)" % (label, len(bomb)), r)
            summary = r.body[:200]
            try:
                j = r.json()
                summary = ("read %s, stored %s, duplicates %s; problems: %s" % (
                    j["read"], j["stored"], j["duplicates"], "; ".join(p["reason"][:90] for p in j["problems"]))).encode()
            except (ValueError, KeyError, TypeError):
                pass
            bombs.append((label, r.status, time.time() - t0, summary, svc.alive()))
            log("bomb (%s): %s in %.0f s, alive %s" % (label, r.status, time.time() - t0, bombs[-1][4]))
        fig["bombs"] = bombs
        fig["bomb_list"] = svc.on_list("probe-bomb")
        fig["final_alive"] = svc.alive()
    except Exception as e:  # the table still shows what was counted
        failures.append("probe stopped: %s: %s" % (type(e).__name__, e))
    finally:
        svc.stop()
        redir.shutdown()
        trap.shutdown()

    # ---------------------------------------------------------------- the table
    print()
    print("== probe figures (%.0f s, seed %d, %s)" % (time.time() - t_start, args.seed, "smoke" if small else "full"))
    row = lambda k, v: print("%-34s %s" % (k, v))
    for lst, (exp, found) in fig.get("real", {}).items():
        row("import %s" % lst, "expected %d, found %d, lost %d" % (exp, found, max(0, exp - found)))
        if found < exp:
            failures.append("list %s: %d of %d messages" % (lst, found, exp))
    row("requests tried (all probes)", tally.tried)
    row("  of them hostile (probe 1)", fig.get("hostile_tried", "-"))
    row("status classes", ", ".join("%s %d" % kv for kv in sorted(tally.classes.items())))
    row("5xx seen", len(tally.fivexx))
    for d, s, b in tally.fivexx[:8]:
        print("    %s -> %s %s" % (d[:200], s, b[:200]))
    if tally.fivexx:
        failures.append("%d 5xx answers" % len(tally.fivexx))
    row("format=text with bidi/control", len(tally.unsafe_text))
    for d, s, ch in tally.unsafe_text[:5]:
        print("    %s -> %s holds U+%04X" % (d[:200], s, ord(ch)))
    if tally.unsafe_text:
        failures.append("%d text answers with bidi or control characters" % len(tally.unsafe_text))
    row("slowest hostile requests", "")
    for secs, d, st in tally.slow:
        print("    %.1f s %s -> %s" % (secs, d[:160], st))
    row("text answers checked", tally.text_checked)
    row("/q/* writes answered 2xx", len(tally.q_writes_2xx))
    for d in tally.q_writes_2xx[:5]:
        print("    " + d[:200])
    tok = fig.get("tokens")
    if tok:
        row("token variants", "%d tried, %d accepted (real token forms), %d wrongly accepted"
            % (tok["tried"], tok["accepted"] - len(tok["wrong_accepted"]), len(tok["wrong_accepted"])))
        if tok["forms_refused"]:
            print("    real token in a form refused (strict, not a fault): " + ", ".join(tok["forms_refused"]))
        for w in tok["wrong_accepted"][:5] + tok["real_refused"][:3]:
            print("    " + w)
        if tok["wrong_accepted"] or tok["real_refused"]:
            failures.append("token handling")
    fo = fig.get("forged")
    if fo:
        row("forged source URLs", "%d tried, %d refused with 400" % (fo["tried"], fo["refused"]))
        for w in fo["not_400"][:8]:
            print("    " + w)
        row("redirects off an allowed source", "%d tried, targets reached %d times" % (fo["redirects"], fo["trap_hits"]))
        for tgt, asked, err in fo["redirect_results"]:
            print("    -> %s (allowed server asked %d times): lastError %r" % (tgt, asked, err))
        if fo["not_400"] or fo["trap_hits"]:
            failures.append("forged URLs")
    for name, exp, found, stored, statuses, missing in fig.get("conc", []):
        row("uploads: " + name, "expected %d, found %d, lost %d; statuses %s%s; ids not found %d"
            % (exp, found, max(0, exp - found), statuses, "" if stored is None else ", stored %d in all" % stored, len(missing)))
        for mid, st in missing[:3]:
            print("    %s -> %s" % (mid, st))
        if found < exp or missing or any(s != 200 for s in statuses):
            failures.append("concurrent uploads: " + name)
    mut = fig.get("mut")
    if mut:
        row("mutants", "%d sent, status %s, read %s, stored %s, unparseable %s, %.0f s"
            % (mut["sent"], mut["status"], mut.get("read"), mut.get("stored"), mut.get("unparseable"), mut["secs"]))
        row("mutants on the list", "%s before restart, %s after (restart %.0f s, stop exit %s)"
            % (mut["on_list"], mut["after_restart"], mut["restart_secs"], mut["stop_exit"]))
        row("data lost after restart", "%d (all lists: %d before, %d after)"
            % (mut["lost_after_restart"], mut["total_before"], mut["total_after"]))
        if mut["status"] != 200 or not mut["alive_after"] or mut["lost_after_restart"]:
            failures.append("mutants")
        if mut.get("stored") is not None and mut["on_list"] is not None and mut["on_list"] < mut["stored"]:
            failures.append("mutants: %d stored but %d on the list" % (mut["stored"], mut["on_list"]))
    for label, status, secs, body, alive in fig.get("bombs", []):
        row("gzip bomb (%s)" % label, "%s in %.0f s, service %s; %s" % (status, secs, "up" if alive else "DOWN",
                                                                      body.decode("utf-8", "replace")[:400]))
        # a bomb must be bounded: refused (4xx), or read with its lines cut to the mail limits, quickly,
        # the service staying up; what it cost is its time and what was kept of it
        if not alive or (status or 500) >= 500:
            failures.append("gzip bomb (%s)" % label)
        elif secs > 120:
            failures.append("gzip bomb (%s) held the upload %.0f s" % (label, secs))
        elif not (400 <= status < 500):
            print("    bounded: read with its lines cut to the mail limits, not refused")
    if "bomb_list" in fig:
        row("  messages kept from the bombs", fig["bomb_list"])
    print()
    if failures:
        print("FAILED: " + "; ".join(failures))
    else:
        print("OK: no 5xx, nothing lost")
    if args.keep or failures:
        print("work dir kept: " + work)
    else:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
