"""The landscape graph: model, schema, engines, store, analysis and diagrams."""
