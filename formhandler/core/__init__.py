"""The bottom layer: settings and their start check, encryption, working days, languages and
dates in words, contact facts, teams, categories, the service's own URLs. Imports nothing of
formhandler and nothing of HTTP or templates (storage and core are checked by lint-imports).
"""
