"""Text: locale- and style-aware numbers, dates, words and phrases."""
