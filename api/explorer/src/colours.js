// Colours by kind family and status, the same families as the diagrams (graph/diagrams/style.py).
export const FAMILY_OF_KIND = { board: "board", partnership: "partnership", group: "group", forum: "group",
  team: "group", unit: "group", network: "alliance", alliance: "alliance", executive: "alliance",
  commission: "alliance", conference: "alliance" };
export const FAMILIES = {
  board: ["#cfe2f3", "#1f4e79", "board"], partnership: ["#d9ead3", "#38761d", "partnership"],
  group: ["#fff2cc", "#b45f06", "group, forum, team, unit"], alliance: ["#ead1dc", "#741b47", "alliance, executive, network"],
  organisation: ["#eeeeee", "#595959", "agency, council, service ..."], role: ["#ffffff", "#674ea7", "role (an office)"],
};
export const RELATIONS = { REPORTS_TO: "#1f4e79", SUBGROUP_OF: "#38761d", ACCOUNTABLE_TO: "#990000", PART_OF: "#595959",
  OVERSEES: "#b45f06", MERGED_INTO: "#674ea7", SUCCEEDED_BY: "#674ea7", MEMBER_OF: "#9aa5b1", CHAIRED_BY: "#a64d79" };
export function familyOf(node) {
  if (node.label === "Role") return "role";
  return FAMILY_OF_KIND[node.kind] || "organisation";
}
export const GONE = new Set(["merged", "closed", "renamed", "historic"]);
