"""`python -m footprint`."""

from footprint.cli import main

if __name__ == "__main__":
    main()
