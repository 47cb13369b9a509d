from formhandler.cli.main import main

raise SystemExit(main())
