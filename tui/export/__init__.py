"""Reading a LinkedIn export (ZIP, folder or CSV) into typed Polars frames."""
