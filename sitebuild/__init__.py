"""The site build's own logic, as plain functions: no MkDocs in here.

Data loading (`contact`, `organisations.data`, `news`), checks for editors
(`editor_checks`, `readability`, `organisations.schema`, `review_flags`), page generation
(`organisations.pages`, `news`) and post-build steps (`csp`, `language_links`) take
files, text and values and return values. The MkDocs hooks in `hooks/` are thin adapters
that call them at the right event; another generator (Zensical) re-wires the adapters
and keeps this package. Messages for editors are Dutch, with file and line.
"""
