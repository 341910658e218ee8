"""Articles, corpora, loading and cleaning. Imports nothing from Textual."""
