"""Run citegraph from a checkout without installing it: `python cli.py extract FILE`."""

from citegraph.cli import main

if __name__ == "__main__":
    main()
