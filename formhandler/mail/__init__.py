"""Sending: the outbox's delivery and backoff, SMTP, and the development sink (which only
the CLI's development start may import). May use storage and core.
"""
