"""The composer's data: recipients, advice, budgets and templates."""
