"""Fact extraction, one module per kind of fact. Imports nothing from Textual."""
