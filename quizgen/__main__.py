"""`python -m quizgen`: the same as the `quizgen` command."""
from .cli import main

main()
