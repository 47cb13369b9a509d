"""What many tests share: a live server, one SMTP server, staff accounts, HTML scanning, ports.

Plain modules imported by tests and by `bench/`; fixtures stay in conftest.py files.
"""
