"""The top: the `formhandler` command and the development start (the only place that
starts the local mail sink and Litestream beside the service). May use every layer.
"""
