"""What Passerelle keeps: the SQLite store and each import's snapshot."""
