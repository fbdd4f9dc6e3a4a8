"""Everything Textual: the panes (one Pane base class), their PaneDeck, screens, passive widgets,
the staged start, type-ahead, the palette, app-wide messages, and the one module that touches
Textual's private parts (textual_private). May import every other package; nothing pure
imports it (tests/test_purity.py)."""
