"""Triage: queues, signals, filters and the contact strategy."""
