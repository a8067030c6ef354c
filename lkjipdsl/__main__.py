"""`python -m lkjipdsl …` runs the command line, as the `lkjipdsl` command does (lkjipdsl.cli)."""

from .cli import main

if __name__ == "__main__":
    main()
