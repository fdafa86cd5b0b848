"""Cleaning steps for scraped and PDF-extracted text (being moved here from :mod:`analysis.clean`)."""
