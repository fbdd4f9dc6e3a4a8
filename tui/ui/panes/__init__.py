"""The four panes of the main screen, one module each."""
