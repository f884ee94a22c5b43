"""``python -m reportinfo``."""

from reportinfo.cli import main

main()
