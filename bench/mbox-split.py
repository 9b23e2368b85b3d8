#!/usr/bin/env python3
"""The mail of one or more mboxrd files (plain or .gz), read as one stream, cut before its last N
messages, written to stdout: what bench/incremental.sh loads first (head) and then imports as the
increment (tail).
usage: mbox-split.py head|tail N FILE...
  head  every message but the last N
  tail  the last N messages
A message starts at a line beginning with "From " (mboxrd escapes such lines in bodies)."""
import gzip
import sys


def lines(files):
    for name in files:
        opener = gzip.open if name.endswith('.gz') else open
        with opener(name, 'rb') as f:
            yield from f


def main():
    if len(sys.argv) < 4 or sys.argv[1] not in ('head', 'tail'):
        sys.exit(__doc__)
    part, n, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    total = sum(1 for line in lines(files) if line.startswith(b'From '))
    cut = max(0, total - n)
    out = sys.stdout.buffer
    seen = 0
    for line in lines(files):
        if line.startswith(b'From '):
            seen += 1
        if (seen <= cut) == (part == 'head'):
            out.write(line)
        elif part == 'head':
            break
    out.flush()
    print(f'{part}: {cut if part == "head" else total - cut:,} of {total:,} messages', file=sys.stderr)


if __name__ == '__main__':
    main()
