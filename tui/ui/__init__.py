"""Everything Textual: screens, panes and widgets."""
