"""Pure data layer: Polars and the standard library only, no terminal code."""
