"""python -m drafter: the same as the drafter command."""

from .cli import main

main()
