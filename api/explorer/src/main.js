// One bundle for every page: each page names itself in <body data-page=...> and only its part starts.
import { startGraph } from "./graph.js";
import { startWorkbench } from "./workbench.js";
import { startDocument } from "./document.js";

const pages = { graph: startGraph, cypher: startWorkbench, document: startDocument };
const start = pages[document.body.dataset.page];
if (start) start();
