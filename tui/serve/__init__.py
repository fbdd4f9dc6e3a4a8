"""`passerelle serve`: the app in a browser tab of this machine (server, page, downloads)."""
