// Bodies by name, alias or acronym, through the full-text index `names` (schema/fulltext_names): every word of
// `$q` (folded: lower case, letters and digits, as `search_text` is stored) must match a word of a name or alias,
// or its beginning; also by kind, area (the body covers the area or an area inside it), priority theme and date
// (bodies that held on $as_of, graph.time's window; null: at any time, since a name is found whatever its dates).
// An exact name, alias or acronym comes first, then the words in the order given, then the index's score. With `$q` null every body is listed by name. One row: the total and one page.
// Parameters: $q (folded text or null), $kind (or null), $area (area id or null), $theme (theme id or null),
//             $as_of (a day YYYY-MM-DD or null), $skip, $limit.
// Example: {"q": "cspb", "kind": null, "area": null, "theme": null, "as_of": null, "skip": 0, "limit": 20}
CALL {
  // Lucene: each word required, as a whole word (weighted) or a word's beginning; a null $q asks for a word that
  // no folded text holds, so this branch finds nothing.
  WITH CASE WHEN $q IS NULL THEN 'search_text:__none__'
            ELSE reduce(lucene = '', word IN [w IN split($q, ' ') WHERE w <> ''] |
                        lucene + ' +search_text:(' + word + '^4 ' + word + '*)') END AS lucene
  CALL db.index.fulltext.queryNodes('names', lucene) YIELD node, score
  WITH node AS b, score WHERE b:Body
  RETURN b, score
  UNION
  MATCH (b:Body) WHERE $q IS NULL
  RETURN b, 0.0 AS score
}
WITH b, score
WHERE ($kind IS NULL OR b.kind = $kind)
  AND ($area IS NULL OR EXISTS {
        MATCH (b)-[:COVERS]->(x:Area), (want:Area {id: $area})
        WHERE x.id = want.id OR want.name IN coalesce(x.within, [])
      })
  AND ($theme IS NULL OR EXISTS { MATCH (b)-[:HAS_PRIORITY]->(:Priority)-[:ABOUT]->(:Theme {id: $theme}) })
  AND ($as_of IS NULL OR coalesce(b.holds_from, '') <= $as_of < coalesce(b.holds_to, '9'))
WITH b, score, CASE
          WHEN $q IS NULL THEN 2
          WHEN ' | ' + b.search_text + ' | ' CONTAINS ' | ' + $q + ' | ' THEN 0
          WHEN ' ' + replace(b.search_text, ' | ', ' ') + ' ' CONTAINS ' ' + $q + ' ' THEN 1
          ELSE 2
        END AS rank
ORDER BY rank, score DESC, b.name
WITH collect({id: b.id, name: b.name, aliases: b.aliases, kind: b.kind, status: b.status, ev_docs: b.ev_docs,
              ev_starts: b.ev_starts, ev_ends: b.ev_ends, ev_quotes: b.ev_quotes, ev_methods: b.ev_methods}) AS found
RETURN size(found) AS total, found[$skip..($skip + $limit)] AS page
