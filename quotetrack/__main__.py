"""``python -m quotetrack``: the same as the ``quotetrack`` command."""

import sys

from quotetrack.cli import main

sys.exit(main())
