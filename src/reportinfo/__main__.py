"""``python -m reportinfo``."""

from reportinfo.entry import main

main()
