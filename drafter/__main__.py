"""python -m drafter: the same as the drafter command."""

from .commands import main

main()
