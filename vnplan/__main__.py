"""``python -m vnplan``: the command line."""

from vnplan.cli import main

main()
