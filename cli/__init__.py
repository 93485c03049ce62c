"""The `landscape` command line, above every other package: it calls loaders, graph, graph.server and api."""
