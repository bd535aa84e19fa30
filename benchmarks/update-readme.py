#!/usr/bin/env python3
"""Puts a generated "## Performance" section into README.md, replacing the one there (up to the next "## "
heading) or appending it at the end.   update-readme.py SECTION_FILE README_FILE"""
import re
import sys

section = open(sys.argv[1]).read().strip() + "\n"
readme = open(sys.argv[2]).read()
match = re.search(r"^## Performance\n.*?(?=^## |\Z)", readme, re.S | re.M)
if match:
    readme = readme[:match.start()] + section + ("\n" if readme[match.end():] else "") + readme[match.end():]
else:
    readme = readme.rstrip("\n") + "\n\n" + section
open(sys.argv[2], "w").write(readme)
