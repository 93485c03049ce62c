// The explorer's build: bundles src/ (the pages' scripts and CodeMirror) with esbuild into dist/, and copies
// Swagger UI's assets there, so `landscape serve` needs no CDN. dist/ is git-ignored; the Makefile runs this.
import { build } from "esbuild";
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";

const out = new URL("./dist/", import.meta.url).pathname;
rmSync(out, { recursive: true, force: true });
mkdirSync(out + "swagger", { recursive: true });
await build({
  entryPoints: { explorer: "src/main.js", style: "src/style.css" },
  bundle: true, minify: true, format: "esm", target: "es2020", outdir: out, logLevel: "warning",
});
const swagger = new URL("./node_modules/swagger-ui-dist/", import.meta.url).pathname;
for (const file of ["swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png"]) {
  cpSync(swagger + file, out + "swagger/" + file);
}
writeFileSync(out + "BUILT", new Date().toISOString() + "\n");
