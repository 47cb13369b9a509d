from formhandler.cli import main

raise SystemExit(main())
