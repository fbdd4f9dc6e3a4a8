"""`python -m tui`: hands the command line to tui.cli."""

import sys

from tui.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
