"""The five panes of the main screen (catalog), each a `Pane`: received, sent, network,
composer, to do; with the modules that hold what a pane says (`*_words`) and its parts."""
