"""Loaders: source documents to Facts (read, extract, resolve). Pure: no database."""
