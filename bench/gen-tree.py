#!/usr/bin/env python3
"""Writes a git fast-import stream: COMMITS commits over 300 source files, each changing one file in one
to three places, a Link: trailer on every other commit, and a release tag (v6.N-rc1 ... v6.N) every
TAG_EVERY commits. Deterministic for a seed.  usage: gen-tree.py COMMITS [TAG_EVERY] [SEED] | git fast-import"""
import random
import sys

commits = int(sys.argv[1])
tag_every = int(sys.argv[2]) if len(sys.argv) > 2 else 250
rnd = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
files = {f"rust/kernel/m{i:03}.rs": [f"// line {j} of m{i:03}" for j in range(60)] for i in range(300)}
out = sys.stdout.buffer
t = 1_700_000_000
mark = 0
release = 0


def data(b):
    out.write(b"data %d\n" % len(b) + b + b"\n")


for n in range(commits):
    t += 600
    mark += 1
    path = rnd.choice(sorted(files))
    lines = files[path]
    for _ in range(rnd.randint(1, 3)):
        lines[rnd.randrange(len(lines))] = f"// change {n} {rnd.random():.6f}"
    if rnd.random() < 0.3:
        lines.insert(rnd.randrange(len(lines)), f"fn f{n}() {{}}")
    who = rnd.choice(["Ana Lindqvist <ana@example.com>", "Bob Reviewer <bob@example.org>", "Cat M <cat@example.net>"])
    msg = f"rust: m: change number {n}\n\nSigned-off-by: {who}\n"
    if n % 2 == 0:
        msg += f"Link: https://lore.kernel.org/r/{n}-gen@example.com\n"
    out.write(b"commit refs/heads/master\nmark :%d\n" % mark)
    out.write(f"author {who} {t} +0000\ncommitter {who} {t} +0000\n".encode())
    data(msg.encode())
    if n > 0:
        out.write(b"from :%d\n" % (mark - 1))
    out.write(f"M 100644 inline {path}\n".encode())
    data(("\n".join(lines) + "\n").encode())
    if (n + 1) % tag_every == 0:
        release += 1
        name = f"v6.{(release + 1) // 2}" + ("-rc1" if release % 2 else "")
        out.write(f"reset refs/tags/{name}\nfrom :{mark}\n".encode())
