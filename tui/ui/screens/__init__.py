"""Help and the small modal screens (person info, one-line tags or how we met, strategy preview)."""
