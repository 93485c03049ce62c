// The document view: bring the highlighted quote into view (the server marks it; the browser only scrolls).
export function startDocument() {
  const selected = document.querySelector("mark.selected");
  if (selected) selected.scrollIntoView({ block: "center" });
}
