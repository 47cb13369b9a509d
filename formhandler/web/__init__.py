"""HTTP: the Starlette app and its lifespan, form pages, staff pages, the newsroom's routes,
security headers, page shell, templates and static files. May use every layer below; only
cli sits above it.
"""
