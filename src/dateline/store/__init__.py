"""SQLite-backed state: reading state and preferences. Imports nothing from Textual."""
