"""`make bench`: measured limits of the site and of formhandler. Never run as tests."""
