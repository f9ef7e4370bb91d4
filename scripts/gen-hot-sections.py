#!/usr/bin/env python3
"""Writes link/penny-hot-sections.txt: the code sections the small `penny` runs on a plain dump.

Usage: gen-hot-sections.py PENNY LINK_MAP CALLGRIND_OUT... > link/penny-hot-sections.txt

PENNY is a release `penny` (with symbols), LINK_MAP gold's map of that link (-Xlinker -Map=FILE),
each CALLGRIND_OUT a `valgrind --tool=callgrind --demangle=no` run of a stripped copy of it.
A function executed in a section of its own (the runtime's C++, most of the standard library's
generic code, libstdc++) is listed by its input-section name; gold puts those first in .text, so
start-up touches a few contiguous pages instead of one 64 KB fault-around window per function.
"""
import bisect, re, subprocess, sys

binary, map_file, profiles = sys.argv[1], sys.argv[2], sys.argv[3:]
executed = set()
for profile in profiles:
    for line in open(profile):
        m = re.match(r'^c?fn=\(\d+\) (.+)$', line)
        if m:
            executed.add(m.group(1).strip())
address = {}
for line in subprocess.run(['nm', '--defined-only', binary], capture_output=True, text=True, check=True).stdout.splitlines():
    parts = line.split(' ', 2)
    if len(parts) == 3 and parts[1] in 'tTwW':
        address.setdefault(parts[2], int(parts[0], 16))
sections, pending = [], None
for line in open(map_file):
    line = line.rstrip('\n')
    m = re.match(r'^ (\S+)\s*$', line)
    if m:
        pending = m.group(1)
        continue
    m = re.match(r'^ (\S+)?\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+\S', line)
    if m:
        name, pending = m.group(1) or pending, None
        start, size = int(m.group(2), 16), int(m.group(3), 16)
        if start and size and name.startswith('.text'):
            sections.append((start, size, name))
sections.sort()
starts = [s[0] for s in sections]
hot = {}
for name in executed:
    a = address.get(name)
    if a is None:
        continue
    i = bisect.bisect_right(starts, a) - 1
    if i < 0 or a >= sections[i][0] + sections[i][1]:
        continue
    section = sections[i][2]
    # Whole-object sections cannot be moved function by function.
    if section not in ('.text', '.text.unlikely', '.text.hot', '.text.startup'):
        hot.setdefault(section, sections[i][0])
for section in sorted(hot, key=hot.get):
    print(section)
