"""SQLite and nothing else: connections, the one transaction helper and timestamp format,
migrations, every SQL statement of the service, the registry of sealed columns, backup, key
rotation and replication. May use core only; knows no HTTP.
"""
