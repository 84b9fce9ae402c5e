import sys

from clients.ops.cli import main

sys.exit(main())
