import sys

from clients.vendor.cli import main

sys.exit(main())
