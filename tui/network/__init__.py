"""The network: size, bands, breakdown, roles, companies, growth, changes."""
