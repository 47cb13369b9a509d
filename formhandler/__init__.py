"""formhandler: the 1712 mail and complaint forms, their outbox and the staff side."""
