"""What leaves Dateline, side by side: the facts export (`export`, the public
format of shared/spec/export.md) and the story report (`report`, rendered by
`markdown` and `html`, its timeline drawn by `svg`).

Nothing here imports Textual: `dateline export` and `dateline report` never
pay for the user interface (an import-linter contract holds them to it)."""
